/**
 * `qingdan cycle CYCLE TEMPLATE RESPONSE...`: a cycle's league table (shared/evaluation.md) as
 * pretty JSON on stdout, problems on stderr. Every response is checked before any is counted, so
 * one run lists every bad file; responses the cycle leaves out (drafts, inspections) are warnings.
 */
import { evaluateCycle, validateCycle, type Cycle } from '@/core/cycles'
import type { Response } from '@/core/format/types'
import type { CliArgs } from './args'
import { documentKind } from './files'
import { EXIT, type CliIo } from './io'
import { loadJson, loadResponse, loadTemplate, printIssues, type Loaded } from './load'
import { t } from './messages'

async function loadCycle(file: string, args: CliArgs, io: CliIo): Promise<Loaded<Cycle>> {
  const read = await loadJson(file, args, io)
  if (!read.ok) return read
  // A template or a response given first is a swapped argument, not a broken cycle.
  if (documentKind(read.value) !== null) {
    io.err(t(args.lang, 'notACycle', { file }))
    return { ok: false, code: EXIT.invalid }
  }
  const cycle = validateCycle(read.value)
  if (!cycle.ok) {
    printIssues(io, cycle.issues, args, file)
    io.err(t(args.lang, 'invalidCycle', { file }))
    return { ok: false, code: EXIT.invalid }
  }
  return cycle
}

export async function runCycle(args: CliArgs, io: CliIo): Promise<number> {
  const [cycleFile = '', templateFile = '', ...responseFiles] = args.files
  const cycle = await loadCycle(cycleFile, args, io)
  if (!cycle.ok) return cycle.code
  const template = await loadTemplate(templateFile, args, io)
  if (!template.ok) return template.code

  const responses: Response[] = []
  let worst: number = EXIT.ok
  for (const file of responseFiles) {
    const loaded = await loadResponse(file, template.value, args, io)
    if (!loaded.ok) {
      worst = Math.max(worst, loaded.code)
      continue
    }
    printIssues(io, loaded.warnings, args, file)
    responses.push(loaded.value)
  }
  if (worst !== EXIT.ok) return worst

  const result = evaluateCycle(cycle.value, template.value, responses)
  printIssues(io, cycle.warnings, args, cycleFile)
  printIssues(io, template.warnings, args, templateFile)
  if (!result.ok) {
    printIssues(io, result.issues, args, cycleFile)
    io.err(t(args.lang, 'cycleTemplateMismatch', { cycle: cycleFile, template: templateFile }))
    return EXIT.invalid
  }
  for (const warning of result.warnings) {
    // Warnings about one response carry its place in the list; the others are about the cycle.
    const index = warning.params?.response
    const file = typeof index === 'number' ? (responseFiles[index] ?? cycleFile) : cycleFile
    printIssues(io, [warning], args, file)
  }
  io.out(JSON.stringify(result.value, null, 2))
  return EXIT.ok
}
