export default {
  imports: {
    tooLarge: '文件 {name} 过大（{size}），评分表文件不能超过 {limit}。',
    unreadable: '无法读取文件 {name}：它不是有效的 CSV 或 Excel（.xlsx）文件。',
  },
}
