export default {
  imports: {
    tooLarge: '文件 {name} 过大（{size}），评分表文件不能超过 {limit}。',
    unreadable: '无法读取文件 {name}：它不是有效的 CSV 或 Excel（.xlsx）文件。',
    // The import preview names each recognized rule kind in words, never by its code.
    rule: {
      deductEach: '按次扣分', floor: '扣完为止', zeroItem: '本项不得分', deductOnce: '扣分',
      veto: '一票否决', zeroTotal: '红线（总分计0）', bonus: '加分', judged: '酌情打分',
    },
    ruleNone: '未识别',
    needsReview: '需人工确认',
  },
}
