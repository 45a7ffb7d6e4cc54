/* sl-bench-phrases.c — the phrase banks the benchmark's ledgers are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names, posts, places and the pieces that sl-bench-generate.c draws its
 * texts from. The order of every bank is part of the generator's output:
 * the same seed gives the same ledger only while it stays.
 */

#include "config.h"

#include "sl-bench-phrases.h"

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
  "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏",
  "苏", "吕", "丁", "任", "卢", "姚", "沈", "钟", "姜", "崔", "谭", "陆", "范", "汪", "欧阳",
};

static const char *const given[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
  "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "建国", "红", "志强",
  "海燕", "晓东", "丹", "萍", "鹏", "辉", "玲", "斌", "宇", "浩", "凯", "婷", "雪", "琳",
  "晨", "欣怡", "子涵", "思远", "嘉怡", "俊杰", "晓明", "国庆", "卫东", "春梅", "立新",
  "红梅", "振华", "永刚", "淑珍", "宏伟", "丽娟", "云", "峰", "坤", "璐", "旭", "昊",
};

static const char *const leader_posts[] = {
  "党组书记、局长", "党组成员、副局长", "党组成员、副局长", "党组成员、副局长",
  "党组成员、纪检监察组组长", "党组成员、副局长", "党组成员、总工程师", "党组成员、二级巡视员",
  "一级调研员", "二级调研员", "办公室主任", "机关党委专职副书记",
};

static const char *const departments[] = {
  "办公室", "人事处", "法规与标准处", "综合规划处", "财务审计处", "自然生态保护处",
  "水生态环境处", "大气环境处", "土壤生态环境处", "固体废物与化学品处", "核与辐射安全处",
  "环境影响评价处", "生态环境监测处", "执法监督处", "宣传教育处", "科技与财务处",
};

static const char *const posts[] = {
  "处长", "副处长", "一级主任科员", "二级主任科员", "三级主任科员", "四级主任科员",
  "一级科员", "二级科员", "科员", "一级调研员", "四级调研员",
};

static const char *const places[] = {
  "局机关三楼会议室", "局机关五楼党员活动室", "局机关一楼报告厅", "局党组会议室",
  "局机关十二楼视频会议室", "市委党校教学楼201室", "局机关七楼小会议室",
};

static const char *const studied_texts[] = {
  "习近平新时代中国特色社会主义思想专题摘编",
  "习近平总书记在全国生态环境保护大会上的重要讲话精神",
  "《习近平谈治国理政》第四卷有关篇目",
  "党的二十大报告",
  "《中国共产党章程》",
  "《中国共产党纪律处分条例》",
  "《中国共产党廉洁自律准则》",
  "习近平总书记关于意识形态工作的重要论述",
  "习近平总书记在中央政治局集体学习时的重要讲话",
  "习近平总书记关于生态文明建设的重要论述",
  "中央八项规定及其实施细则精神",
  "《关于新形势下党内政治生活的若干准则》",
  "习近平总书记在二十届中央纪委二次全会上的重要讲话",
  "《习近平著作选读》第一卷有关篇目",
  "习近平总书记关于调查研究的重要论述",
  "《论党的自我革命》有关篇目",
  "习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话",
  "《中国共产党党内监督条例》",
  "习近平总书记给基层干部群众的重要回信精神",
  "中央经济工作会议精神",
  "全国两会精神",
  "习近平总书记关于黄河流域生态保护和高质量发展的重要讲话",
  "《美丽中国建设实施方案》",
  "习近平总书记关于统筹发展和安全的重要论述",
  "《中国共产党问责条例》",
  "习近平总书记关于党的建设的重要思想",
  "习近平总书记在主题教育工作会议上的重要讲话",
  "《中共中央关于加强党的政治建设的意见》",
};

static const char *const sources[] = {
  "求是", "人民日报", "新华社", "学习强国", "人民出版社", "中央文献出版社", "党建读物出版社",
  "中国方正出版社", "光明日报", "中央纪委国家监委网站", "外文出版社",
};

static const char *const openings[] = {
  "会议强调", "会议指出", "会议要求", "与会同志一致认为", "大家表示", "会议认为",
  "主持人指出", "会议提出", "大家一致表示", "会议明确",
};

static const char *const actions[] = {
  "深入学习贯彻习近平新时代中国特色社会主义思想",
  "全面贯彻落实党的二十大精神",
  "切实增强“四个意识”、坚定“四个自信”、做到“两个维护”",
  "把学习成果转化为推动高质量发展的实际成效",
  "坚持以人民为中心的发展思想",
  "持续深化全面从严治党",
  "扎实推进生态文明建设和生态环境保护",
  "牢固树立和践行绿水青山就是金山银山的理念",
  "严格落实意识形态工作责任制",
  "加强干部队伍建设和作风建设",
  "严格落实中央八项规定及其实施细则精神",
  "深入打好污染防治攻坚战",
  "推动主题教育走深走实",
  "强化理论武装，筑牢思想根基",
  "提升服务群众的能力和水平",
  "抓好巡视反馈问题整改落实",
  "统筹发展和安全，防范化解重大风险",
  "推进法治政府建设，依法行政",
  "持续优化营商环境，服务地方经济发展",
  "压紧压实管党治党政治责任",
  "加强基层党组织标准化规范化建设",
  "大兴调查研究之风，解决群众急难愁盼问题",
  "巩固拓展生态环境质量改善成果",
  "推进减污降碳协同增效",
};

static const char *const results[] = {
  "确保各项工作落地见效", "以实际行动践行初心使命", "不断开创工作新局面",
  "为建设美丽中国贡献力量", "推动党建和业务深度融合", "切实把思想和行动统一到中央决策部署上来",
  "以高质量党建引领生态环境保护工作高质量发展", "做到学思用贯通、知信行统一",
  "努力交出让群众满意的答卷", "推动各项任务落实落细",
};

static const char *const speech_leads[] = {
  "结合分管工作，", "联系思想和工作实际，", "通过此次学习，", "对照学习内容，",
  "结合所在支部实际，", "从基层一线工作看，", "作为一名党员领导干部，", "结合近期调研情况，",
};

static const char *const speech_middles[] = {
  "深刻认识到理论学习必须常学常新、常悟常进", "进一步增强了做好本职工作的责任感和使命感",
  "在分管领域还存在调查研究不够深入、工作作风不够扎实等问题",
  "要把生态环境保护责任扛在肩上、落到实处", "对标对表中央要求，还有不小差距",
  "监测数据质量管理需要进一步加强", "执法检查中发现部分企业治污设施运行不正常",
  "群众反映强烈的噪声和油烟问题仍然较多", "基层环保力量薄弱的问题需要统筹解决",
  "要把学习成果体现在推动解决实际问题上",
};

static const char *const speech_ends[] = {
  "下一步将带头学、深入学，推动学习成果转化。", "下一步将细化措施，明确时限，抓好落实。",
  "下一步将加强与有关部门的协调配合，形成工作合力。", "下一步将坚持问题导向，逐项整改到位。",
  "下一步将结合“三会一课”，组织党员深入学习研讨。", "下一步将深入基层一线，开展蹲点调研。",
};

static const char *const measure_actions[] = {
  "制定", "完善", "开展", "组织", "推动", "建立", "落实", "健全", "深化", "督促",
};

static const char *const measure_objects[] = {
  "专项整改方案并建立问题清单、任务清单、责任清单",
  "理论学习中心组学习制度和考勤通报制度",
  "“美丽河湖”创建专项调研，形成调研报告",
  "重点行业挥发性有机物综合治理专项行动",
  "青年干部理论学习小组读书分享活动",
  "意识形态领域风险隐患排查",
  "生态环境执法“双随机、一公开”监管工作机制",
  "党风廉政建设责任清单和廉政风险防控措施",
  "入河排污口排查整治工作台账",
  "基层党支部书记轮训和党员冬训工作",
  "机关作风建设专项检查并通报检查结果",
  "群众信访投诉问题“回头看”",
};

static const char *const progress_texts[] = {
  "已完成，相关材料已归档。", "正在推进，已完成阶段性任务。", "已召开专题座谈会，形成初步方案。",
  "已印发实施，正在督促各处室落实。", "已完成排查，发现问题均已整改。", "按计划推进中。",
  "已形成调研报告并报局党组审议。", "部分完成，剩余事项将于下季度完成。",
};

static const char *const makeup_methods[] = {
  "自学并撰写心得体会", "观看会议录像并补学", "参加支部集中补学", "线上学习并提交学习笔记",
};

static const char *const leave_reasons[] = {
  "参加市委组织的专题培训", "赴基层开展执法检查", "因病请假", "家中有事请假",
  "参加省厅业务会议", "带队开展督察", "出差", "参加市人大专题调研",
};

static const char *const group_numbers[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
};

const SlBenchBank sl_bench_surnames = { surnames, G_N_ELEMENTS (surnames) };
const SlBenchBank sl_bench_given = { given, G_N_ELEMENTS (given) };
const SlBenchBank sl_bench_leader_posts = { leader_posts, G_N_ELEMENTS (leader_posts) };
const SlBenchBank sl_bench_departments = { departments, G_N_ELEMENTS (departments) };
const SlBenchBank sl_bench_posts = { posts, G_N_ELEMENTS (posts) };
const SlBenchBank sl_bench_places = { places, G_N_ELEMENTS (places) };
const SlBenchBank sl_bench_studied_texts = { studied_texts, G_N_ELEMENTS (studied_texts) };
const SlBenchBank sl_bench_sources = { sources, G_N_ELEMENTS (sources) };
const SlBenchBank sl_bench_openings = { openings, G_N_ELEMENTS (openings) };
const SlBenchBank sl_bench_actions = { actions, G_N_ELEMENTS (actions) };
const SlBenchBank sl_bench_results = { results, G_N_ELEMENTS (results) };
const SlBenchBank sl_bench_speech_leads = { speech_leads, G_N_ELEMENTS (speech_leads) };
const SlBenchBank sl_bench_speech_middles = { speech_middles, G_N_ELEMENTS (speech_middles) };
const SlBenchBank sl_bench_speech_ends = { speech_ends, G_N_ELEMENTS (speech_ends) };
const SlBenchBank sl_bench_measure_actions = { measure_actions, G_N_ELEMENTS (measure_actions) };
const SlBenchBank sl_bench_measure_objects = { measure_objects, G_N_ELEMENTS (measure_objects) };
const SlBenchBank sl_bench_progress_texts = { progress_texts, G_N_ELEMENTS (progress_texts) };
const SlBenchBank sl_bench_makeup_methods = { makeup_methods, G_N_ELEMENTS (makeup_methods) };
const SlBenchBank sl_bench_leave_reasons = { leave_reasons, G_N_ELEMENTS (leave_reasons) };
const SlBenchBank sl_bench_group_numbers = { group_numbers, G_N_ELEMENTS (group_numbers) };
