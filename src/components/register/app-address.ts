/**
 * This app's own address (origin plus the base path it is served under), what labels encode and
 * what a scanned code must start with: a copy of the app on another address prints labels that
 * only it opens.
 */
export function appAddress(location: Pick<Location, 'origin'> = window.location, base: string = import.meta.env.BASE_URL): string {
  return `${location.origin}${base}`.replace(/\/+$/, '')
}
