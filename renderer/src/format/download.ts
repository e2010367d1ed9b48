// Saving a file the backend made (CSV, XLSX, .ics) through the browser's download: a Blob behind a temporary link.

/** Saves the content as a file: a Blob behind a temporary object URL and a temporary <a download>, then frees the URL. */
export function saveFile(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves a file the backend sent as base64 (binary files such as XLSX). */
export function saveBase64File(fileName: string, contentBase64: string, type: string): void {
  saveFile(fileName, Uint8Array.from(atob(contentBase64), (ch) => ch.charCodeAt(0)), type);
}
