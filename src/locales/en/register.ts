// The register page (#14): rooms imported from a spreadsheet, picked at fill start.
export default {
  register: {
    title: 'Register',
    settingsLink: 'Register (dormitory rooms)',
    intro: 'Import the list of dormitory rooms, and starting a check becomes three taps: building, floor, room. Ad-hoc checks can still be typed in.',
    import: {
      title: 'Import a room list',
      hint: 'A CSV (UTF-8 or GBK) or Excel file with a building column and a room column, optionally floor and responsible person. The floor can come from the room number (301 → floor 3).',
      choose: 'Choose a file',
      preview: '{rooms} rooms in {buildings} buildings.',
      confirm: 'Import',
      cancel: 'Cancel',
      saved: 'Imported: {added} added, {updated} updated, {archived} archived (no longer on the list).',
      failed: 'Nothing was imported. Fix these problems and import again:',
      more: '{count} more problems not shown.',
    },
    upload: {
      parent: 'Department (a scope on the server)',
      choose: 'Choose',
      confirm: 'Import to the server',
      sending: 'Importing…',
      done: 'The server imported it: {scopesCreated} new scopes, {subjectsCreated} new rooms, {subjectsUpdated} updated. Tablets see them after their next sync.',
      failed: 'The server did not import it: {reason}',
      noScopes: 'The server has no department you manage. An admin creates department scopes on the Admin page first.',
    },
    list: {
      title: 'Rooms ({count})',
      empty: 'No rooms imported yet.',
      floor: 'Floor {floor}',
      printAll: 'Print QR labels for all',
      printBuilding: 'Print this building’s labels',
    },
  },
}
