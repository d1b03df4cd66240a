/** The connection string of the embedded database (`npm start` without DATABASE_URL) on `port`. */
export function embeddedDatabaseUrl(port: number, host = "127.0.0.1"): string {
  return `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`;
}
