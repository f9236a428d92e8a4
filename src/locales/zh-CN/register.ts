// The register page (#14): rooms imported from a spreadsheet, picked at fill start.
export default {
  register: {
    title: '登记册',
    settingsLink: '登记册（宿舍房间）',
    intro: '导入宿舍房间名单后，开始检查时依次点选楼栋、楼层、房间即可，无需手动输入。临时检查仍可直接填写。',
    import: {
      title: '导入房间名单',
      hint: 'CSV（UTF-8 或 GBK）或 Excel 文件，需有“楼栋”“房间号”两列，可选“楼层”“负责人”。楼层可由房间号推出（301 → 3 层）。',
      choose: '选择文件',
      preview: '共 {rooms} 间房，分布在 {buildings} 栋楼。',
      confirm: '确认导入',
      cancel: '取消',
      saved: '已导入：新增 {added} 间，更新 {updated} 间，归档 {archived} 间（名单中已没有的房间）。',
      failed: '未导入任何内容，请修正以下问题后重新导入：',
      more: '另有 {count} 个问题未列出。',
    },
    upload: {
      parent: '所属部门（服务器上的范围）',
      choose: '请选择',
      confirm: '导入到服务器',
      sending: '正在导入…',
      done: '服务器已导入：新建范围 {scopesCreated} 个，新增房间 {subjectsCreated} 间，更新 {subjectsUpdated} 间。各平板同步后即可看到。',
      failed: '服务器未导入：{reason}',
      noScopes: '服务器上没有你可以管理的部门。请管理员先在“管理”页建立部门范围。',
    },
    list: {
      title: '房间（{count} 间）',
      empty: '尚未导入房间。',
      floor: '{floor} 层',
      printAll: '打印全部二维码标签',
      printBuilding: '打印本楼标签',
    },
  },
}
