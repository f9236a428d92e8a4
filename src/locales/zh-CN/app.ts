// Shell-wide text: product name, navigation, network state, page titles.
export default {
  app: {
    name: '清单',
    fullName: '清单 Qingdan',
    tagline: '离线检查与评分',
    /** A label and its value: the colon is the language's own (full-width in Chinese only). */
    labelled: '{label}：{value}',
    skipToContent: '跳到主要内容',
    nav: {
      label: '主导航',
      home: '首页',
      templates: '模板库',
      fill: '填写',
      results: '结果',
      settings: '设置',
    },
    network: {
      online: '在线',
      offline: '离线',
      offlineHint: '当前离线：填写内容会保存在本机，联网后无需任何操作。',
    },
    /** The header's sync badge (#13); the sync page itself is the `sync` area. */
    sync: {
      label: '同步状态',
      synced: '已同步',
      pending: '待同步 {count}',
      offline: '离线',
      failed: '同步失败',
      signedOut: '未登录',
    },
    titles: {
      home: '首页',
      templates: '模板库',
      drafts: '填写',
      fillStart: '开始填写',
      fill: '填写',
      results: '结果',
      settings: '设置',
    },
  },
}
