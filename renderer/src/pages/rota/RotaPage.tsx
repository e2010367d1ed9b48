// Turnus (placeholder while the planning page is built).
export function RotaPage() {
  return null;
}
