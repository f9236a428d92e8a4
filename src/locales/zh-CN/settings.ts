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
    timeZone: {
      legend: '时区',
      label: '显示和导出时间所用的时区',
      hint: '列表、草稿、台账和导出文件中的时间都按此时区书写，例如 2026-12-02 19:42。',
      device: '本机时区（{zone}）',
      zones: {
        shanghai: '北京时间（UTC+8）',
        urumqi: '乌鲁木齐时间（UTC+6）',
        hongKong: '香港时间（UTC+8）',
        taipei: '台北时间（UTC+8）',
        tokyo: '东京时间（UTC+9）',
        utc: '协调世界时（UTC）',
      },
    },
  },
}
