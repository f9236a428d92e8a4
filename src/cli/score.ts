/** `qingdan score TEMPLATE RESPONSE`: the ScoreResult as pretty JSON on stdout, problems on stderr. */
import { scoreResponse } from '@/core/scoring'
import type { CliArgs } from './args'
import type { CliIo } from './io'
import { EXIT } from './io'
import { loadResponse, loadTemplate, printIssues } from './load'

export async function runScore(args: CliArgs, io: CliIo): Promise<number> {
  const [templateFile = '', responseFile = ''] = args.files
  const template = await loadTemplate(templateFile, args, io)
  if (!template.ok) return template.code
  const response = await loadResponse(responseFile, template.value, args, io)
  if (!response.ok) return response.code
  printIssues(io, template.warnings, args, templateFile)
  printIssues(io, response.warnings, args, responseFile)
  io.out(JSON.stringify(scoreResponse(template.value, response.value), null, 2))
  return EXIT.ok
}
