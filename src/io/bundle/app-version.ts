/** The app's version, written into every bundle's manifest (only this field of package.json is bundled). */
import { version } from '../../../package.json'

export const APP_VERSION: string = version
