/**
 * A register entry as the API and the pull send it (SyncSubject), built in SQL from a `subjects`
 * row aliased `s`: `responsible` only when the register names someone, `archived` only when true.
 */
export const SUBJECT_JSON = `jsonb_build_object('id', s.id, 'kind', s.kind, 'scopeId', s.scope_id, 'fields', s.fields, 'label', s.label, 'version', s.version)
  || case when s.responsible is null then '{}'::jsonb else jsonb_build_object('responsible', s.responsible) end
  || case when s.archived then '{"archived": true}'::jsonb else '{}'::jsonb end`
