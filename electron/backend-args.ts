// How main tells the backend process where its data and native binding are: command-line arguments.

export interface BackendProcessConfig {
  /** Folder with the database and its backups (userData/data). */
  dataDir: string;
  /** better-sqlite3 binding built for Electron's ABI; null means the default (plain Node) build. */
  nativeBinding: string | null;
}

const DATA_DIR = '--samvakt-data-dir=';
const NATIVE_BINDING = '--samvakt-native-binding=';

export function toBackendArgs(config: BackendProcessConfig): string[] {
  return [`${DATA_DIR}${config.dataDir}`, ...(config.nativeBinding ? [`${NATIVE_BINDING}${config.nativeBinding}`] : [])];
}

/** Reads the config from argv (wherever the arguments sit in it); null when the data dir is missing. */
export function parseBackendArgs(argv: readonly string[]): BackendProcessConfig | null {
  const value = (prefix: string) => argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) || null;
  const dataDir = value(DATA_DIR);
  if (!dataDir) return null;
  return { dataDir, nativeBinding: value(NATIVE_BINDING) };
}
