/**
 * Runs `task` once the page has loaded and the main thread is idle (at the latest `timeout` ms
 * after load), so work nobody waits for stays out of the first render's way.
 */
export function whenIdleAfterLoad(task: () => void, timeout = 3000): void {
  const idle = (): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => task(), { timeout })
    else setTimeout(task, 0)
  }
  if (document.readyState === 'complete') idle()
  else window.addEventListener('load', idle, { once: true })
}
