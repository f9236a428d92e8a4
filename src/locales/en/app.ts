// Shell-wide text: product name, navigation, network state, page titles.
export default {
  app: {
    name: 'Qingdan',
    fullName: '清单 Qingdan',
    tagline: 'Offline checklists and scoring',
    skipToContent: 'Skip to main content',
    /** A label and its value: the colon is the language's own (full-width in Chinese only). */
    labelled: '{label}: {value}',
    nav: {
      label: 'Main navigation',
      home: 'Home',
      templates: 'Templates',
      fill: 'Fill',
      results: 'Results',
      settings: 'Settings',
    },
    network: {
      online: 'Online',
      offline: 'Offline',
      offlineHint: 'You are offline: answers are saved on this device; nothing to do when the network returns.',
    },
    /** The header's sync badge (#13); the sync page itself is the `sync` area. */
    sync: {
      label: 'Sync status',
      synced: 'Synced',
      pending: '{count} pending',
      offline: 'Offline',
      failed: 'Sync failed',
      signedOut: 'Not signed in',
    },
    titles: {
      home: 'Home',
      templates: 'Templates',
      drafts: 'Fill',
      fillStart: 'Start filling',
      fill: 'Fill',
      results: 'Results',
      settings: 'Settings',
    },
  },
}
