export default {
  home: {
    greeting: {
      morning: '早上好',
      afternoon: '下午好',
      evening: '晚上好',
    },
    greetingNamed: '{greeting}，{name}',
    intro: '选择一份检查表，逐项打分，离线也能用。',
    start: '开始检查',
    startHint: '选择模板或继续草稿',
    areas: '功能',
    cards: {
      templates: { title: '模板库', body: '检查表与评分细则模板，版本化管理。' },
      fill: { title: '填写', body: '逐项勾选、拍照取证、实时得分，草稿自动保存。' },
      plans: { title: '检查计划', body: '今日待检、抽查与覆盖情况。' },
      cycles: { title: '评审', body: '支部自评、评审组打分、排名与发布。' },
      results: { title: '结果', body: '查看得分、扣分项与整改，打印台账。' },
      settings: { title: '设置', body: '界面语言与检查人姓名。' },
    },
  },
}
