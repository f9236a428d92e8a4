// The people and records a 红旗 evaluation cycle needs on the team server, set up through the API
// (the admin, register and people pages have their own journey in plans-team.e2e.ts): a college,
// four Party branches in the register, five panel reviewers, a branch secretary, and a small
// panel template published to everyone.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Template } from '@/core/format/types'
import { importBranches } from '@/core/register/branches'
import { encodeHlc } from '@/core/sync/hlc'
import { API, type PushResponse, type RegisterImportRequest, type UsersImportRequest } from '@/core/sync'
import { Outbox } from '../../server/sync/support/builders'
import { ADMIN_PASSWORD, apiSignIn, type ApiSession } from './team-server'

const root = resolve(import.meta.dirname, '../../..')
export const TEMPLATE = JSON.parse(readFileSync(resolve(root, 'tests/fixtures/cycles/e2e/template.json'), 'utf8')) as Template

export const COLLEGE = 'college-e2e'
export const BRANCHES = ['第一党支部', '第二党支部', '第三党支部', '第四党支部'] as const
export const REVIEWERS = [
  { username: 'r1', displayName: '评委甲' },
  { username: 'r2', displayName: '评委乙' },
  { username: 'r3', displayName: '评委丙' },
  { username: 'r4', displayName: '评委丁' },
  { username: 'r5', displayName: '评委戊' },
] as const
export const SECRETARY = { username: 'sec1', displayName: '一支部书记', branch: BRANCHES[0] } as const
export const password = (username: string): string => `${username}-password-1`

/** Builds the world and returns the admin's API session. */
export async function buildCycleWorld(serverUrl: string): Promise<ApiSession> {
  const admin = await apiSignIn(serverUrl, 'admin', ADMIN_PASSWORD)
  await admin.post(API.scopes, { id: COLLEGE, parentId: null, kind: 'college', name: '职业学院' })

  const sheet = importBranches([['支部名称', '所属党委'], ...BRANCHES.map((b) => [b, '党委'])], COLLEGE)
  if (!sheet.ok) throw new Error(`branches: ${JSON.stringify(sheet.issues)}`)
  const register: RegisterImportRequest = { parentScopeId: COLLEGE, ...sheet.value }
  await admin.put(API.register, register)

  const users: UsersImportRequest = {
    users: [
      ...REVIEWERS.map((r) => ({ ...r, role: 'reviewer' as const, scope: '党委', password: password(r.username) })),
      { username: SECRETARY.username, displayName: SECRETARY.displayName, role: 'inspector', scope: SECRETARY.branch, password: password(SECRETARY.username) },
    ],
  }
  await admin.post(API.usersImport, users)

  // Published as a designer's tablet would: the template record, then its frozen version.
  const at = new Date().toISOString()
  const hlc = encodeHlc({ wall: Date.now(), count: 0, node: 'e2e-admin' })
  const outbox = new Outbox(admin.info.deviceId)
  const push = outbox.batch(
    { id: crypto.randomUUID(), kind: 'template', template: { id: TEMPLATE.id, title: TEMPLATE.title, status: 'published', latestVersion: 1, source: 'import', createdAt: at, updatedAt: at, hlc } },
    { id: crypto.randomUUID(), kind: 'templateVersion', version: { templateId: TEMPLATE.id, version: 1, template: TEMPLATE, publishedAt: at } },
  )
  const pushed = await admin.post<PushResponse>(API.push, push)
  const refused = pushed.results.filter((r) => r.status === 'refused')
  if (refused.length > 0) throw new Error(`template push refused: ${JSON.stringify(refused)}`)
  return admin
}
