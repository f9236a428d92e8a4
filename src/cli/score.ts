/** `qingdan score TEMPLATE RESPONSE`: the ScoreResult as pretty JSON on stdout, problems on stderr. */
import { scoreResponse } from '@/core/scoring'
import { formatIssue, validateResponse, validateTemplate } from '@/core/validate'
import type { Issue } from '@/core/result'
import type { CliArgs } from './args'
import { documentKind, readJsonFile } from './files'
import { EXIT, type CliIo } from './io'
import { t } from './messages'

function printIssues(io: CliIo, issues: readonly Issue[], args: CliArgs, file: string): void {
  for (const issue of issues) io.err(formatIssue(issue, args.lang, file))
}

/** The template and version a response claims, read defensively: it has not been validated yet. */
function claimedTemplate(json: object): { id: string; version: string } {
  const r = json as { templateId?: unknown; templateVersion?: unknown }
  return { id: String(r.templateId), version: String(r.templateVersion) }
}

export async function runScore(args: CliArgs, io: CliIo): Promise<number> {
  const { lang } = args
  const [templateFile = '', responseFile = ''] = args.files

  const templateRead = await readJsonFile(templateFile, lang)
  if (!templateRead.ok) {
    io.err(templateRead.message)
    return templateRead.kind === 'unreadable' ? EXIT.usage : EXIT.invalid
  }
  if (documentKind(templateRead.json) !== 'template') {
    io.err(t(lang, 'notATemplate', { file: templateFile }))
    return EXIT.invalid
  }
  const template = validateTemplate(templateRead.json)
  if (!template.ok) {
    printIssues(io, template.issues, args, templateFile)
    io.err(t(lang, 'invalidTemplateArg', { file: templateFile }))
    return EXIT.invalid
  }

  const responseRead = await readJsonFile(responseFile, lang)
  if (!responseRead.ok) {
    io.err(responseRead.message)
    return responseRead.kind === 'unreadable' ? EXIT.usage : EXIT.invalid
  }
  const json = responseRead.json
  if (documentKind(json) !== 'response' || typeof json !== 'object' || json === null) {
    io.err(t(lang, 'notAResponse', { file: responseFile }))
    return EXIT.invalid
  }
  // Checked before the answers so that the message names the real problem: the wrong file.
  const claimed = claimedTemplate(json)
  if (claimed.id !== template.value.id || claimed.version !== String(template.value.version)) {
    io.err(t(lang, 'wrongTemplate', {
      file: responseFile,
      responseId: claimed.id,
      responseVersion: claimed.version,
      templateId: template.value.id,
      templateVersion: template.value.version,
    }))
    return EXIT.invalid
  }
  const response = validateResponse(template.value, json)
  if (!response.ok) {
    printIssues(io, response.issues, args, responseFile)
    io.err(t(lang, 'invalidResponse', { file: responseFile }))
    return EXIT.invalid
  }
  printIssues(io, template.warnings, args, templateFile)
  printIssues(io, response.warnings, args, responseFile)
  io.out(JSON.stringify(scoreResponse(template.value, response.value), null, 2))
  return EXIT.ok
}
