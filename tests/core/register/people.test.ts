import { describe, expect, it } from 'vitest'
import { importPeople, roleFromText } from '@/core/register'

const HEADER = ['用户名', '姓名', '角色', '范围', '初始密码']

describe('importing people', () => {
  it('reads accounts and their roles under a title row; a person with two roles has two rows', () => {
    const result = importPeople([
      ['学工部 2026 秋 检查人员', '', '', '', ''],
      HEADER,
      ['zhang', '张老师', '检查员', '3号楼3层', ''],
      ['zhang', '张老师', '评审员', '3号楼', 'a-long-password'],
      ['', '', '', '', ''],
      ['li.wei', '李伟', 'Viewer', 'building:5号楼', ''],
    ])
    expect(result.ok && result.value).toEqual(
      [
        { username: 'zhang', displayName: '张老师', role: 'inspector', scope: '3号楼3层' },
        { username: 'zhang', displayName: '张老师', role: 'reviewer', scope: '3号楼', password: 'a-long-password' },
        { username: 'li.wei', displayName: '李伟', role: 'viewer', scope: 'building:5号楼' },
      ],
    )
  })

  it.each([
    { name: 'a bad username', row: ['zhang san', '张三', '检查员', '3号楼', ''], code: 'badUsername', pointer: '/1/0', zh: '第 2 行（A2）' },
    { name: 'no name', row: ['zhang', '', '检查员', '3号楼', ''], code: 'missingName', pointer: '/1/1', zh: '缺少姓名' },
    { name: 'an unknown role', row: ['zhang', '张三', '校长', '3号楼', ''], code: 'unknownRole', pointer: '/1/2', zh: '不认识角色“校长”' },
    { name: 'no scope', row: ['zhang', '张三', '检查员', '', ''], code: 'missingScope', pointer: '/1/3', zh: '缺少范围' },
    { name: 'a short password', row: ['zhang', '张三', '检查员', '3号楼', '1234'], code: 'badPassword', pointer: '/1/4', zh: '初始密码需要 8–200 个字符' },
  ])('refuses $name, naming the cell', ({ row, code, pointer, zh }) => {
    const result = importPeople([HEADER, row])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.code, i.pointer])).toEqual([[code, pointer]])
    expect(result.issues[0]!.message['zh-CN']).toContain(zh)
  })

  it('refuses a repeated row and one person with two names, and imports nothing', () => {
    const result = importPeople([HEADER, ['zhang', '张老师', '检查员', '3号楼', ''], ['zhang', '张老师', '检查员', '3号楼', ''], ['Zhang', '张三', '评审员', '3号楼', ''], ['li', '李伟', '查看者', '5号楼', '']])
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => [i.code, i.pointer])).toEqual([
      ['duplicatePerson', '/2/0'],
      ['nameDiffers', '/3/1'],
    ])
  })

  it('says what is missing when there is no header or nobody', () => {
    expect(importPeople([['名单'], ['zhang', '张老师']])).toMatchObject({ ok: false, issues: [{ code: 'noPeopleHeader' }] })
    expect(importPeople([HEADER, ['', '', '', '', '']])).toMatchObject({ ok: false, issues: [{ code: 'noPeople' }] })
  })

  it('reads roles in either language', () => {
    expect(['管理员', '模板设计', '检查员', '评审', 'VIEWER', '局长'].map(roleFromText)).toEqual(['admin', 'designer', 'inspector', 'reviewer', 'viewer', undefined])
  })
})
