export default {
  templates: {
    title: '模板库',
    comingSoon: '模板设计器即将推出',
    body: '这里将列出随附的检查表模板（宿舍安全检查、红旗党支部评分细则、师德师风负面清单），并可导入、导出和可视化编辑模板、发布新版本。',
    meanwhile: '现在可以先去填写页面开始检查。',
    goFill: '去填写',
  },
}
