export default {
  home: {
    greeting: {
      morning: 'Good morning',
      afternoon: 'Good afternoon',
      evening: 'Good evening',
    },
    greetingNamed: '{greeting}, {name}',
    intro: 'Pick a checklist, score it item by item — online or off.',
    start: 'Start a check',
    startHint: 'Choose a template or resume a draft',
    areas: 'Areas',
    cards: {
      templates: { title: 'Templates', body: 'Checklist and scoring-rubric templates, versioned.' },
      fill: { title: 'Fill', body: 'Tick items, photograph evidence, see the score live; drafts save themselves.' },
      plans: { title: 'Plans', body: 'Today’s checks, surprise inspections and coverage.' },
      cycles: { title: 'Evaluations', body: 'Branch self-assessments, panel scores, ranking and release.' },
      results: { title: 'Results', body: 'Scores, flagged items and rectification; print the ledger.' },
      settings: { title: 'Settings', body: 'Interface language and inspector name.' },
    },
  },
}
