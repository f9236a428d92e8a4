// Printed QR labels for rooms (#14): the label sheet page.
export default {
  labels: {
    title: '房间二维码标签',
    intro: '每页 A4 纸 24 张标签（3 列 × 8 行）。打印时请选择“实际大小”（100%），不要“适合页面”。',
    print: '打印',
    count: '共 {n} 张标签，{pages} 页',
    floor: '{floor}层',
    scanHint: '扫码检查',
    empty: '没有要打印的房间。请在“登记册”中点“打印全部二维码标签”或“打印本楼标签”。',
    invalid: '收到的房间列表无效，未打印任何标签。',
    generating: '正在生成二维码…',
    failed: '无法生成二维码，请刷新页面后重试。',
    qrOf: '{label}的二维码',
  },
}
