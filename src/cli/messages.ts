/**
 * The CLI's own words, in every supported language. Issue messages come from src/core; these are
 * only about files, arguments and outcomes.
 */
import type { Lang, LocalizedText } from '@/core/result'

type Params = Record<string, string | number>

const MESSAGES = {
  usage: {
    'zh-CN': `用法：
  qingdan validate 文件... [--template 模板文件]   校验模板或填报记录（按内容自动识别）
  qingdan score 模板文件 填报文件                  计算得分，以 JSON 输出评分结果
  qingdan cycle 周期文件 模板文件 填报文件...      按评审周期合分、定等次和排名，以 JSON 输出
选项：
  --template 文件   校验填报记录时所依据的模板（也可把模板与记录一起列出）
  --lang zh-CN|en   输出语言（默认 zh-CN；环境变量 LANG 以 en 开头时为 en）
  -h, --help        显示本帮助
退出码：0 全部有效；1 有无效文件或无法评分；2 用法错误或文件无法读取`,
    en: `Usage:
  qingdan validate FILE... [--template TEMPLATE]   check templates or responses (detected by shape)
  qingdan score TEMPLATE RESPONSE                  score a response, print the result as JSON
  qingdan cycle CYCLE TEMPLATE RESPONSE...         combine a cycle's reviews, band and rank them (JSON)
Options:
  --template FILE   the template to check responses against (or list it among the files)
  --lang zh-CN|en   output language (default zh-CN; en when LANG starts with "en")
  -h, --help        show this help
Exit codes: 0 all valid; 1 an invalid file or no score; 2 usage error or unreadable file`,
  },
  unknownCommand: { 'zh-CN': '未知命令“{command}”。', en: 'Unknown command "{command}".' },
  missingCommand: { 'zh-CN': '缺少命令：validate、score 或 cycle。', en: 'Missing command: validate, score or cycle.' },
  unknownOption: { 'zh-CN': '未知选项“{option}”。', en: 'Unknown option "{option}".' },
  missingValue: { 'zh-CN': '选项 {option} 需要一个值。', en: 'Option {option} needs a value.' },
  badLang: { 'zh-CN': '不支持的语言“{lang}”，可用 zh-CN 或 en。', en: 'Unsupported language "{lang}": use zh-CN or en.' },
  noFiles: { 'zh-CN': 'validate 至少需要一个文件。', en: 'validate needs at least one file.' },
  scoreArgs: { 'zh-CN': 'score 需要两个文件：模板文件和填报文件。', en: 'score needs two files: a template and a response.' },
  cycleArgs: {
    'zh-CN': 'cycle 需要周期文件、模板文件和至少一个填报文件。',
    en: 'cycle needs a cycle file, a template and at least one response.',
  },
  templateOnlyForValidate: { 'zh-CN': '--template 只用于 validate。', en: '--template only applies to validate.' },
  notFound: { 'zh-CN': '{file}：文件不存在。', en: '{file}: no such file.' },
  notAFile: { 'zh-CN': '{file}：不是普通文件。', en: '{file}: not a regular file.' },
  unreadable: { 'zh-CN': '{file}：无法读取（{reason}）。', en: '{file}: cannot be read ({reason}).' },
  tooLarge: {
    'zh-CN': '{file}：文件过大（{size} MB），上限为 {limit} MB。',
    en: '{file}: file too large ({size} MB); the limit is {limit} MB.',
  },
  badJsonAt: {
    'zh-CN': '{file}:{line}:{column}: 不是有效的 JSON（{reason}）。',
    en: '{file}:{line}:{column}: not valid JSON ({reason}).',
  },
  badJson: { 'zh-CN': '{file}: 不是有效的 JSON（{reason}）。', en: '{file}: not valid JSON ({reason}).' },
  unknownShape: {
    'zh-CN': '{file}: 既不是模板（缺少 sections），也不是填报记录（缺少 answers）。',
    en: '{file}: neither a template (no sections) nor a response (no answers).',
  },
  validTemplate: { 'zh-CN': '{file}: 模板有效（{id} 第 {version} 版）。', en: '{file}: valid template ({id} version {version}).' },
  validResponse: {
    'zh-CN': '{file}: 填报记录有效（模板 {id} 第 {version} 版）。',
    en: '{file}: valid response (template {id} version {version}).',
  },
  validResponseShapeOnly: {
    'zh-CN': '{file}: 填报记录格式有效；未找到模板 {id} 第 {version} 版，未按模板校验答案（可用 --template 指定）。',
    en: '{file}: response is well-formed; template {id} version {version} not given, answers not checked against it (use --template).',
  },
  invalidTemplateArg: {
    'zh-CN': '{file}: 模板无效，无法据此校验或评分。',
    en: '{file}: the template is invalid, so nothing can be checked or scored against it.',
  },
  notATemplate: { 'zh-CN': '{file}: 不是模板（缺少 sections）。', en: '{file}: not a template (no sections).' },
  notACycle: { 'zh-CN': '{file}: 不是评审周期文件（应先给出周期文件，再给模板）。', en: '{file}: not a cycle (give the cycle first, then the template).' },
  invalidCycle: { 'zh-CN': '{file}: 评审周期文件无效，未合分。', en: '{file}: the cycle is invalid; nothing combined.' },
  cycleTemplateMismatch: {
    'zh-CN': '{cycle}: 评审周期与模板 {template} 不符，未合分。',
    en: '{cycle}: the cycle does not fit the template {template}; nothing combined.',
  },
  notAResponse: { 'zh-CN': '{file}: 不是填报记录（缺少 answers）。', en: '{file}: not a response (no answers).' },
  wrongTemplate: {
    'zh-CN': '{file}: 该填报记录属于模板 {responseId} 第 {responseVersion} 版，而给出的模板是 {templateId} 第 {templateVersion} 版。',
    en: '{file}: this response belongs to template {responseId} version {responseVersion}, but the template given is {templateId} version {templateVersion}.',
  },
  invalidResponse: {
    'zh-CN': '{file}: 填报记录无效，未评分。',
    en: '{file}: the response is invalid; not scored.',
  },
  summaryOk: { 'zh-CN': '{count} 个文件全部有效。', en: 'Checked {count} file(s): all valid.' },
  summaryBad: { 'zh-CN': '{bad}/{count} 个文件无效。', en: 'Checked {count} file(s): {bad} invalid.' },
  internal: { 'zh-CN': '内部错误：{reason}', en: 'Internal error: {reason}' },
} as const satisfies Record<string, LocalizedText>

export type CliMessage = keyof typeof MESSAGES

/** The message in `lang` with `{name}` placeholders filled. */
export function t(lang: Lang, key: CliMessage, params: Params = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}
