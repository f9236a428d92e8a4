export default {
  settings: {
    title: '设置',
    language: {
      legend: '界面语言',
      hint: '立即生效，并保存在本设备。',
    },
    inspector: {
      legend: '检查人',
      label: '检查人姓名',
      help: '填写记录和打印台账时默认使用此姓名。',
      placeholder: '例如：王老师',
      save: '保存',
      saved: '已保存',
    },
  },
}
