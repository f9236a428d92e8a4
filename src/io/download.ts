/**
 * How long a download's object URL lives. Some browsers read the URL after click() returns, and
 * a large bundle (hundreds of MB of photos) can take a while to start; a minute covers both.
 */
export const DOWNLOAD_REVOKE_MS = 60_000

/** Saves a Blob as a file through a temporary link (works offline; no server round trip). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  try {
    const a = document.createElement('a')
    a.href = url
    a.download = filename
    a.rel = 'noopener'
    document.body.append(a)
    a.click()
    a.remove()
  } finally {
    // Revoke later, not now: the download reads the URL after this returns.
    setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_REVOKE_MS)
  }
}

/** A filename-safe stem: no path separators or characters Windows refuses. */
export function safeFileStem(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || 'export'
}
