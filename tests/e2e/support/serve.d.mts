export interface DistServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string
  close: () => Promise<void>
}

export function serveDist(options?: { root?: string; host?: string; port?: number }): Promise<DistServer>
