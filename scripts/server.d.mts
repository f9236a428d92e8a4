/** The bundled server's path (dist-server/main.mjs). */
export declare const SERVER_BUNDLE: string
/** Bundles server/main.ts into SERVER_BUNDLE (atomically: concurrent builds are safe). */
export declare function buildServer(): void
