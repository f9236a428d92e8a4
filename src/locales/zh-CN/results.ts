export default {
  results: {
    title: '结果',
    comingSoon: '结果查看即将推出',
    body: '这里将按模板、对象、时间段、检查人和状态筛选已提交的记录，查看分项得分与扣分项，打印 A4 台账，导出 CSV/XLSX，并跟踪整改任务。',
    meanwhile: '已提交的记录都保存在本设备上，不会丢失。',
    goFill: '去填写',
  },
}
