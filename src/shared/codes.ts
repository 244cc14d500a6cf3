import type { Label } from './i18n';

/**
 * The code lists of the domain (DOMAIN.md), each code once with both labels. Codes are the
 * API's and never change; labels are what users read.
 */
type CodeList<K extends string> = Record<K, Label>;

export const GROUPS = {
  left_behind_child: { 'zh-CN': '留守儿童', 'en-US': 'Left-behind child' },
  child_in_difficulty: { 'zh-CN': '困境儿童', 'en-US': 'Child in difficulty' },
  unsupported_child: { 'zh-CN': '事实无人抚养儿童', 'en-US': 'De facto unsupported child' },
  other_child: { 'zh-CN': '其他儿童', 'en-US': 'Other child' },
  minority_girl: { 'zh-CN': '少数民族女孩', 'en-US': 'Ethnic-minority girl' },
  elder: { 'zh-CN': '老年人', 'en-US': 'Elder' },
  empty_nest_elder: { 'zh-CN': '空巢老人', 'en-US': 'Empty-nest elder' },
  solitary_elder: { 'zh-CN': '孤寡老人', 'en-US': 'Solitary elder' },
  disabled: { 'zh-CN': '残疾人', 'en-US': 'Person with disability' },
  low_income: { 'zh-CN': '低保对象', 'en-US': 'Minimum living allowance' },
  extreme_poverty: { 'zh-CN': '特困人员', 'en-US': 'Extreme-poverty support' },
  woman: { 'zh-CN': '妇女', 'en-US': 'Woman' },
  needy_household: { 'zh-CN': '困难群众', 'en-US': 'Needy household' },
} satisfies CodeList<string>;
export type GroupCode = keyof typeof GROUPS;
export const GROUP_CODES = Object.keys(GROUPS) as GroupCode[];

/** Age bounds of the age-bound groups, checked against the birth date. */
export const GROUP_AGE_RULES: Partial<Record<GroupCode, { minAge?: number; maxAgeExclusive?: number; gender?: 'female' }>> = {
  left_behind_child: { maxAgeExclusive: 16 },
  child_in_difficulty: { maxAgeExclusive: 18 },
  unsupported_child: { maxAgeExclusive: 18 },
  other_child: { maxAgeExclusive: 18 },
  minority_girl: { maxAgeExclusive: 18, gender: 'female' },
  elder: { minAge: 60 },
  empty_nest_elder: { minAge: 60 },
  solitary_elder: { minAge: 60 },
  woman: { minAge: 18, gender: 'female' },
};

export const CHILD_GROUPS: GroupCode[] = ['left_behind_child', 'child_in_difficulty', 'unsupported_child', 'other_child', 'minority_girl'];
export const ELDER_GROUPS: GroupCode[] = ['elder', 'empty_nest_elder', 'solitary_elder'];

export const RISK_LEVELS = {
  high: { 'zh-CN': '高风险（红）', 'en-US': 'High (red)' },
  medium: { 'zh-CN': '中风险（黄）', 'en-US': 'Medium (yellow)' },
  low: { 'zh-CN': '低风险（绿）', 'en-US': 'Low (green)' },
} satisfies CodeList<string>;
export type RiskLevel = keyof typeof RISK_LEVELS;

export const SERVICE_TYPES = {
  policy: { 'zh-CN': '政策落实', 'en-US': 'Policy implementation' },
  counselling: { 'zh-CN': '心理疏导', 'en-US': 'Psychological counselling' },
  resource_linking: { 'zh-CN': '资源链接', 'en-US': 'Resource linking' },
  capacity_building: { 'zh-CN': '能力提升', 'en-US': 'Capacity building' },
  social_integration: { 'zh-CN': '社会融入', 'en-US': 'Social integration' },
  daily_care: { 'zh-CN': '生活照料', 'en-US': 'Daily care' },
  companionship: { 'zh-CN': '陪伴聊天', 'en-US': 'Companionship' },
  tutoring: { 'zh-CN': '作业辅导', 'en-US': 'Homework help' },
  safety_education: { 'zh-CN': '安全教育', 'en-US': 'Safety education' },
  health: { 'zh-CN': '医疗保健', 'en-US': 'Health care' },
  digital_skills: { 'zh-CN': '数字技能', 'en-US': 'Digital skills' },
  anti_fraud: { 'zh-CN': '防诈骗', 'en-US': 'Fraud prevention' },
  material_aid: { 'zh-CN': '送温暖', 'en-US': 'Material aid' },
} satisfies CodeList<string>;
export type ServiceTypeCode = keyof typeof SERVICE_TYPES;

export const NEED_TYPES = {
  healthcare: { 'zh-CN': '医疗保健', 'en-US': 'Health care' },
  elder_education: { 'zh-CN': '老年教育', 'en-US': 'Elderly education' },
  recreation: { 'zh-CN': '文体娱乐', 'en-US': 'Culture, sports and recreation' },
  daily_care: { 'zh-CN': '生活照料', 'en-US': 'Daily care' },
  companionship: { 'zh-CN': '精神慰藉', 'en-US': 'Emotional support' },
  digital_skills: { 'zh-CN': '智能手机使用', 'en-US': 'Using a smartphone' },
  anti_fraud: { 'zh-CN': '防范诈骗', 'en-US': 'Fraud prevention' },
  policy_access: { 'zh-CN': '政策咨询与申请', 'en-US': 'Policy advice and applications' },
  tutoring: { 'zh-CN': '作业辅导', 'en-US': 'Homework help' },
  safety_education: { 'zh-CN': '安全教育', 'en-US': 'Safety education' },
  psychological: { 'zh-CN': '心理健康', 'en-US': 'Mental health' },
  family_contact: { 'zh-CN': '亲子沟通', 'en-US': 'Parent–child contact' },
  interest_activities: { 'zh-CN': '兴趣活动', 'en-US': 'Interest activities' },
  child_education: { 'zh-CN': '子女教育', 'en-US': "Children's education" },
  family_health: { 'zh-CN': '家庭成员健康', 'en-US': 'Family health' },
  employment: { 'zh-CN': '就业技能', 'en-US': 'Employment skills' },
  rights_protection: { 'zh-CN': '权益保护', 'en-US': 'Rights protection' },
} satisfies CodeList<string>;
export type NeedTypeCode = keyof typeof NEED_TYPES;

/** 民族: the ones a Tianzhu station meets most, then the rest on request. */
export const ETHNICITIES = {
  han: { 'zh-CN': '汉族', 'en-US': 'Han' },
  tibetan: { 'zh-CN': '藏族', 'en-US': 'Tibetan' },
  tu: { 'zh-CN': '土族', 'en-US': 'Tu (Monguor)' },
  hui: { 'zh-CN': '回族', 'en-US': 'Hui' },
  mongol: { 'zh-CN': '蒙古族', 'en-US': 'Mongol' },
  dongxiang: { 'zh-CN': '东乡族', 'en-US': 'Dongxiang' },
  yugur: { 'zh-CN': '裕固族', 'en-US': 'Yugur' },
  salar: { 'zh-CN': '撒拉族', 'en-US': 'Salar' },
  bonan: { 'zh-CN': '保安族', 'en-US': 'Bonan' },
  manchu: { 'zh-CN': '满族', 'en-US': 'Manchu' },
  other: { 'zh-CN': '其他民族', 'en-US': 'Other' },
} satisfies CodeList<string>;
export type EthnicityCode = keyof typeof ETHNICITIES;

export const BENEFITS = {
  dibao: { 'zh-CN': '最低生活保障', 'en-US': 'Minimum living allowance (dibao)' },
  tekun: { 'zh-CN': '特困人员救助供养', 'en-US': 'Extreme-poverty support' },
  temporary_aid: { 'zh-CN': '临时救助', 'en-US': 'Temporary assistance' },
  disability_living: { 'zh-CN': '困难残疾人生活补贴', 'en-US': 'Living subsidy for needy disabled people' },
  disability_care: { 'zh-CN': '重度残疾人护理补贴', 'en-US': 'Care subsidy for severe disability' },
  old_age_allowance: { 'zh-CN': '高龄津贴', 'en-US': 'Old-age allowance (80+)' },
} satisfies CodeList<string>;
export type BenefitCode = keyof typeof BENEFITS;

export const LIVING_SITUATIONS = {
  alone: { 'zh-CN': '独居', 'en-US': 'Lives alone' },
  with_spouse: { 'zh-CN': '与配偶同住', 'en-US': 'With spouse' },
  with_children: { 'zh-CN': '与子女同住', 'en-US': 'With children' },
  with_parents: { 'zh-CN': '与父母同住', 'en-US': 'With parents' },
  with_grandparents: { 'zh-CN': '与祖辈同住', 'en-US': 'With grandparents' },
  with_relatives: { 'zh-CN': '与其他亲属同住', 'en-US': 'With other relatives' },
  boarding_school: { 'zh-CN': '寄宿学校', 'en-US': 'Boarding at school' },
  institution: { 'zh-CN': '集中供养机构', 'en-US': 'In a care institution' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
} satisfies CodeList<string>;
export type LivingSituationCode = keyof typeof LIVING_SITUATIONS;

export const PERSON_STATUSES = {
  active: { 'zh-CN': '在册', 'en-US': 'Active' },
  moved: { 'zh-CN': '已迁出', 'en-US': 'Moved away' },
  deceased: { 'zh-CN': '已故', 'en-US': 'Deceased' },
} satisfies CodeList<string>;
export type PersonStatus = keyof typeof PERSON_STATUSES;

export function labelOf<K extends string>(list: CodeList<K>, code: K, lang: keyof Label): string {
  return list[code][lang];
}

/** Finds a code by its label in either language (imports read labels from ledgers). */
export function codeByLabel<K extends string>(list: CodeList<K>, label: string): K | undefined {
  const wanted = label.trim();
  return (Object.keys(list) as K[]).find((code) => list[code]['zh-CN'] === wanted || list[code]['en-US'].toLowerCase() === wanted.toLowerCase() || code === wanted);
}

/** Which of the five professional services (DOMAIN.md) each concrete service type reports under. */
export const SERVICE_TYPE_PARENT: Partial<Record<ServiceTypeCode, ServiceTypeCode>> = {
  daily_care: 'social_integration',
  companionship: 'counselling',
  tutoring: 'capacity_building',
  safety_education: 'capacity_building',
  health: 'resource_linking',
  digital_skills: 'capacity_building',
  anti_fraud: 'capacity_building',
  material_aid: 'resource_linking',
};

/** How a service was given (服务方式). */
export const SERVICE_KINDS = {
  phone: { 'zh-CN': '电话关怀', 'en-US': 'Phone call' },
  home_visit: { 'zh-CN': '入户探访', 'en-US': 'Home visit' },
  office: { 'zh-CN': '来站服务', 'en-US': 'At the station' },
  group: { 'zh-CN': '小组活动', 'en-US': 'Group session' },
  online: { 'zh-CN': '线上服务', 'en-US': 'Online' },
} satisfies CodeList<string>;
export type ServiceKind = keyof typeof SERVICE_KINDS;

/** The worker's judgement of how the person is doing, 1 (very poor) to 5 (very good). */
export const WELLBEING_LEVELS = {
  '1': { 'zh-CN': '很差', 'en-US': 'Very poor' },
  '2': { 'zh-CN': '较差', 'en-US': 'Poor' },
  '3': { 'zh-CN': '一般', 'en-US': 'Fair' },
  '4': { 'zh-CN': '较好', 'en-US': 'Good' },
  '5': { 'zh-CN': '很好', 'en-US': 'Very good' },
} satisfies CodeList<string>;

/**
 * The structured checklist of an elder's home visit (DOMAIN.md): each item is found `ok`, of
 * `concern`, or not checked; each section has a note. An item of concern is kept as
 * `section.item` in the record's `concerns`, so a manager can list, say, every elder whose
 * heating was found unsafe.
 */
export const VISIT_CHECKLIST = {
  health: {
    label: { 'zh-CN': '身体状况', 'en-US': 'Health' },
    items: {
      speech: { 'zh-CN': '言语表达', 'en-US': 'Speech' },
      mobility: { 'zh-CN': '行动能力', 'en-US': 'Mobility' },
      reactions: { 'zh-CN': '反应能力', 'en-US': 'Reactions' },
      illness: { 'zh-CN': '疾病情况', 'en-US': 'Illness' },
      mood: { 'zh-CN': '情绪状态', 'en-US': 'Mood' },
    },
  },
  money: {
    label: { 'zh-CN': '经济状况', 'en-US': 'Money' },
    items: {
      food: { 'zh-CN': '吃饭', 'en-US': 'Food' },
      housing: { 'zh-CN': '住房', 'en-US': 'Housing' },
      transport: { 'zh-CN': '出行', 'en-US': 'Transport' },
      medical_costs: { 'zh-CN': '看病花费', 'en-US': 'Medical costs' },
      benefits_arrive: { 'zh-CN': '补贴按时到位', 'en-US': 'Benefits arrive' },
    },
  },
  family: {
    label: { 'zh-CN': '家庭支持', 'en-US': 'Family support' },
    items: {
      children_visit: { 'zh-CN': '子女探望', 'en-US': 'Children visit' },
      children_call: { 'zh-CN': '子女来电', 'en-US': 'Children call' },
      relatives_nearby: { 'zh-CN': '亲友照应', 'en-US': 'Relatives nearby help' },
    },
  },
  home_safety: {
    label: { 'zh-CN': '居家安全', 'en-US': 'Home safety' },
    items: {
      house: { 'zh-CN': '房屋', 'en-US': 'House' },
      water: { 'zh-CN': '用水', 'en-US': 'Water' },
      power: { 'zh-CN': '用电', 'en-US': 'Power' },
      gas: { 'zh-CN': '燃气', 'en-US': 'Gas' },
      heating: { 'zh-CN': '冬季取暖', 'en-US': 'Winter heating' },
    },
  },
  service_needs: {
    label: { 'zh-CN': '服务需求', 'en-US': 'Service needs' },
    items: {
      daily_care: { 'zh-CN': '生活照料', 'en-US': 'Daily care' },
      rehabilitation: { 'zh-CN': '康复护理', 'en-US': 'Rehabilitation' },
      emotional_support: { 'zh-CN': '精神慰藉', 'en-US': 'Emotional support' },
      home_adaptation: { 'zh-CN': '适老化改造', 'en-US': 'Home adaptation' },
    },
  },
} as const satisfies Record<string, { label: Label; items: Record<string, Label> }>;
export type ChecklistSection = keyof typeof VISIT_CHECKLIST;

/** Every checklist item as `section.item`, e.g. `home_safety.heating`. */
export const CHECKLIST_ITEM_KEYS = (Object.keys(VISIT_CHECKLIST) as ChecklistSection[]).flatMap((section) =>
  Object.keys(VISIT_CHECKLIST[section].items).map((item) => `${section}.${item}`),
);

/** How an item was found. Under service needs, `concern` reads as "needed". */
export const CHECKLIST_FINDINGS = {
  ok: { 'zh-CN': '正常', 'en-US': 'Fine' },
  concern: { 'zh-CN': '有问题', 'en-US': 'Concern' },
  not_checked: { 'zh-CN': '未查看', 'en-US': 'Not checked' },
} satisfies CodeList<string>;

/** Casework stages in order (MZ/T 094-2017). */
export const CASE_STAGES = {
  intake: { 'zh-CN': '接案', 'en-US': 'Intake' },
  assessment: { 'zh-CN': '预估', 'en-US': 'Assessment' },
  planning: { 'zh-CN': '计划', 'en-US': 'Planning' },
  intervention: { 'zh-CN': '介入', 'en-US': 'Intervention' },
  evaluation: { 'zh-CN': '评估', 'en-US': 'Evaluation' },
  closed: { 'zh-CN': '结案', 'en-US': 'Closed' },
} satisfies CodeList<string>;
export type CaseStage = keyof typeof CASE_STAGES;
export const CASE_STAGE_ORDER = Object.keys(CASE_STAGES) as CaseStage[];

/** The document of each stage (the intervention stage's documents are its service records). */
export const CASE_DOCUMENTS = {
  intake: { 'zh-CN': '接案登记表', 'en-US': 'Intake record' },
  assessment: { 'zh-CN': '需求评估表', 'en-US': 'Needs assessment' },
  plan: { 'zh-CN': '服务计划书', 'en-US': 'Service plan' },
  evaluation: { 'zh-CN': '评估表', 'en-US': 'Evaluation' },
  closure: { 'zh-CN': '结案报告', 'en-US': 'Closure report' },
} satisfies CodeList<string>;
export type CaseDocumentKind = keyof typeof CASE_DOCUMENTS;

export const CASE_SOURCES = {
  home_visit: { 'zh-CN': '入户发现', 'en-US': 'Found on a home visit' },
  referral: { 'zh-CN': '转介', 'en-US': 'Referral' },
  self: { 'zh-CN': '主动求助', 'en-US': 'Asked for help' },
  village: { 'zh-CN': '村委会反映', 'en-US': 'Reported by the village' },
} satisfies CodeList<string>;
export type CaseSource = keyof typeof CASE_SOURCES;

export const CLOSURE_REASONS = {
  goals_met: { 'zh-CN': '目标达成', 'en-US': 'Goals met' },
  moved: { 'zh-CN': '服务对象迁离', 'en-US': 'Moved away' },
  declined: { 'zh-CN': '服务对象拒绝继续服务', 'en-US': 'Declined further service' },
  referred: { 'zh-CN': '转介他处', 'en-US': 'Referred elsewhere' },
  died: { 'zh-CN': '服务对象离世', 'en-US': 'Died' },
} satisfies CodeList<string>;
export type ClosureReason = keyof typeof CLOSURE_REASONS;
/** Reasons that close a case before its evaluation. */
export const EARLY_CLOSURE_REASONS: ClosureReason[] = ['moved', 'declined', 'referred', 'died'];

export const GOAL_RESULTS = {
  met: { 'zh-CN': '达成', 'en-US': 'Met' },
  partly: { 'zh-CN': '部分达成', 'en-US': 'Partly met' },
  not_met: { 'zh-CN': '未达成', 'en-US': 'Not met' },
} satisfies CodeList<string>;
export type GoalResult = keyof typeof GOAL_RESULTS;

/** Days between dynamic reviews (动态化评估) of an open case, by the person's risk level. */
export const CASE_REVIEW_DAYS: Record<RiskLevel | 'none', number> = { high: 30, medium: 60, low: 90, none: 90 };

// ---------------------------------------------------------------------------------------------
// Care: contact plans, tasks, alerts, festivals (DOMAIN.md "Contact plans", "Festivals")

/** The two channels a contact plan or a task uses. */
export const CONTACT_CHANNELS = {
  phone: { 'zh-CN': '电话关怀', 'en-US': 'Phone call' },
  home_visit: { 'zh-CN': '入户探访', 'en-US': 'Home visit' },
} satisfies CodeList<string>;
export type ContactChannel = keyof typeof CONTACT_CHANNELS;

/** Which service kinds count as a contact of each channel: a visit is also a call; a video call counts as a call. */
export const CHANNEL_SATISFIED_BY: Record<ContactChannel, ServiceKind[]> = {
  phone: ['phone', 'online', 'home_visit'],
  home_visit: ['home_visit'],
};

/** The audiences contact rules are written for: people in an elder group or in a children's group. */
export const CARE_AUDIENCES = {
  elder: { 'zh-CN': '老年人', 'en-US': 'Elders' },
  child: { 'zh-CN': '儿童', 'en-US': 'Children' },
} satisfies CodeList<string>;
export type CareAudience = keyof typeof CARE_AUDIENCES;

/** Groups whose people get contact plans. */
export const CARE_GROUPS: GroupCode[] = [...ELDER_GROUPS, ...CHILD_GROUPS];

/** Days between contacts per channel; `null` means no regular contact on that channel. */
export type Cadence = Record<ContactChannel, number | null>;
export type CareRules = Record<CareAudience, Record<RiskLevel, Cadence>>;

/**
 * *Default* cadences (DOMAIN.md table): weekly calls and fortnightly visits at high risk,
 * fortnightly calls and monthly visits at medium (the policy floor of one visit a month for
 * elders in special difficulty), monthly calls and quarterly visits at low risk. A manager
 * changes them per station.
 */
export const DEFAULT_CARE_RULES: CareRules = {
  elder: { high: { phone: 7, home_visit: 14 }, medium: { phone: 14, home_visit: 30 }, low: { phone: 30, home_visit: 90 } },
  child: { high: { phone: 7, home_visit: 14 }, medium: { phone: 14, home_visit: 30 }, low: { phone: 30, home_visit: 90 } },
};

/** Six weeks without a call is the failure care exists to prevent: the default of the "not contacted" alert. */
export const DEFAULT_SILENCE_DAYS = 42;

/** After this many "could not reach" attempts a task raises an alert. */
export const UNREACHABLE_ALERT_ATTEMPTS = 3;
/** Days until the retry of an unreachable contact. */
export const UNREACHABLE_RETRY_DAYS = 1;
/** How many days ahead plan tasks are made, so the week's list is complete. */
export const TASK_LOOKAHEAD_DAYS = 7;

export const TASK_STATUSES = {
  open: { 'zh-CN': '待完成', 'en-US': 'Open' },
  done: { 'zh-CN': '已完成', 'en-US': 'Done' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
} satisfies CodeList<string>;
export type TaskStatus = keyof typeof TASK_STATUSES;

export const TASK_REASONS = {
  plan: { 'zh-CN': '联系计划', 'en-US': 'Contact plan' },
  campaign: { 'zh-CN': '节日关怀', 'en-US': 'Festival campaign' },
} satisfies CodeList<string>;
export type TaskReason = keyof typeof TASK_REASONS;

/** What happened to a task, kept as its history. */
export const TASK_EVENTS = {
  completed: { 'zh-CN': '已完成', 'en-US': 'Completed' },
  satisfied: { 'zh-CN': '已由其他服务记录完成', 'en-US': 'Done by another service record' },
  unreachable: { 'zh-CN': '未能联系上', 'en-US': 'Could not reach' },
  postponed: { 'zh-CN': '延期', 'en-US': 'Postponed' },
  reassigned: { 'zh-CN': '改派', 'en-US': 'Reassigned' },
  cancelled: { 'zh-CN': '取消', 'en-US': 'Cancelled' },
} satisfies CodeList<string>;
export type TaskEventKind = keyof typeof TASK_EVENTS;

/** The alerts of the manager's home page (issue: care that forgets no one). */
export const CARE_ALERTS = {
  overdue: { 'zh-CN': '联系逾期', 'en-US': 'Overdue contact' },
  unreachable: { 'zh-CN': '多次未联系上', 'en-US': 'Unreachable three times' },
  no_plan: { 'zh-CN': '没有联系计划', 'en-US': 'No contact plan' },
  silent: { 'zh-CN': '长期未联系', 'en-US': 'Not contacted for long' },
  wellbeing_drop: { 'zh-CN': '状态连续下降', 'en-US': 'Wellbeing falling' },
  danger: { 'zh-CN': '探访发现安全隐患', 'en-US': 'Danger found at a visit' },
} satisfies CodeList<string>;
export type CareAlertType = keyof typeof CARE_ALERTS;

/** Checklist items whose concern is a danger to life (unsafe house, water, power, gas or heating; no food). */
export const DANGER_CHECKLIST_ITEMS = ['home_safety.house', 'home_safety.water', 'home_safety.power', 'home_safety.gas', 'home_safety.heating', 'money.food'];

/** Groups that make an elder one "in special difficulty" (特殊困难老年人), visited every month (target 100%). */
export const SPECIAL_DIFFICULTY_GROUPS: GroupCode[] = ['empty_nest_elder', 'solitary_elder', 'disabled', 'extreme_poverty'];

export const CALENDARS = {
  lunar: { 'zh-CN': '农历', 'en-US': 'Lunar' },
  solar: { 'zh-CN': '公历', 'en-US': 'Gregorian' },
  tibetan: { 'zh-CN': '藏历', 'en-US': 'Tibetan' },
} satisfies CodeList<string>;
export type CalendarKind = keyof typeof CALENDARS;

/** Festivals and days of care (DOMAIN.md). Their dates are computed (server `care/festivals.ts`), never typed in. */
export const FESTIVALS = {
  new_year: { 'zh-CN': '元旦', 'en-US': "New Year's Day" },
  laba: { 'zh-CN': '腊八节', 'en-US': 'Laba Festival' },
  spring_festival: { 'zh-CN': '春节', 'en-US': 'Spring Festival' },
  losar: { 'zh-CN': '藏历新年', 'en-US': 'Losar (Tibetan New Year)' },
  lantern: { 'zh-CN': '元宵节', 'en-US': 'Lantern Festival' },
  lei_feng_day: { 'zh-CN': '学雷锋纪念日', 'en-US': 'Learn from Lei Feng Day' },
  womens_day: { 'zh-CN': '妇女节', 'en-US': "Women's Day" },
  social_work_day: { 'zh-CN': '世界社工日', 'en-US': 'World Social Work Day' },
  qingming: { 'zh-CN': '清明节', 'en-US': 'Qingming Festival' },
  helping_disabled_day: { 'zh-CN': '全国助残日', 'en-US': 'National Day for Helping the Disabled' },
  childrens_day: { 'zh-CN': '儿童节', 'en-US': "Children's Day" },
  dragon_boat: { 'zh-CN': '端午节', 'en-US': 'Dragon Boat Festival' },
  charity_day: { 'zh-CN': '中华慈善日', 'en-US': 'China Charity Day' },
  mid_autumn: { 'zh-CN': '中秋节', 'en-US': 'Mid-Autumn Festival' },
  elders_day: { 'zh-CN': '国际老年人日', 'en-US': 'International Day of Older Persons' },
  double_ninth: { 'zh-CN': '重阳节（老年节）', 'en-US': "Double Ninth (Elders' Day)" },
  disability_day: { 'zh-CN': '国际残疾人日', 'en-US': 'International Day of Persons with Disabilities' },
  volunteer_day: { 'zh-CN': '国际志愿者日', 'en-US': 'International Volunteer Day' },
} satisfies CodeList<string>;
export type FestivalCode = keyof typeof FESTIVALS;
export const FESTIVAL_CODES = Object.keys(FESTIVALS) as FestivalCode[];

// ---------------------------------------------------------------------------------------------
// Needs research: surveys and the needs register

export const GENDERS = {
  male: { 'zh-CN': '男', 'en-US': 'Male' },
  female: { 'zh-CN': '女', 'en-US': 'Female' },
} satisfies CodeList<string>;
export type GenderCode = keyof typeof GENDERS;

export const QUESTION_TYPES = {
  single: { 'zh-CN': '单选题', 'en-US': 'Single choice' },
  multi: { 'zh-CN': '多选题', 'en-US': 'Multiple choice' },
  rank: { 'zh-CN': '排序题', 'en-US': 'Ranking' },
  scale: { 'zh-CN': '量表题', 'en-US': 'Scale' },
  text: { 'zh-CN': '填空题', 'en-US': 'Text' },
  number: { 'zh-CN': '数字题', 'en-US': 'Number' },
} satisfies CodeList<string>;
export type QuestionType = keyof typeof QUESTION_TYPES;
/** Question types whose answers are chosen from options (and so can carry a need type). */
export const CHOICE_QUESTION_TYPES: QuestionType[] = ['single', 'multi', 'rank'];

export const SURVEY_MODES = {
  questionnaire: { 'zh-CN': '调查问卷', 'en-US': 'Questionnaire' },
  interview: { 'zh-CN': '结构化访谈', 'en-US': 'Structured interview' },
} satisfies CodeList<string>;
export type SurveyMode = keyof typeof SURVEY_MODES;

/** A survey is built as a draft, collects responses while open, and takes none once closed. */
export const SURVEY_STATUSES = {
  draft: { 'zh-CN': '草稿', 'en-US': 'Draft' },
  open: { 'zh-CN': '收集中', 'en-US': 'Collecting' },
  closed: { 'zh-CN': '已结束', 'en-US': 'Closed' },
} satisfies CodeList<string>;
export type SurveyStatus = keyof typeof SURVEY_STATUSES;

/** How a response came in. */
export const RESPONSE_SOURCES = {
  visit: { 'zh-CN': '入户填写', 'en-US': 'Filled in at a visit' },
  phone: { 'zh-CN': '电话访问', 'en-US': 'By phone' },
  paper: { 'zh-CN': '纸质问卷录入', 'en-US': 'Entered from paper' },
  group: { 'zh-CN': '集中填写', 'en-US': 'Filled in at a group session' },
} satisfies CodeList<string>;
export type ResponseSource = keyof typeof RESPONSE_SOURCES;

/** Age bands for cross-tabulation, by whole years at the day of the response. */
export const AGE_BANDS = {
  '0-5': { 'zh-CN': '0–5 岁', 'en-US': '0–5' },
  '6-11': { 'zh-CN': '6–11 岁', 'en-US': '6–11' },
  '12-17': { 'zh-CN': '12–17 岁', 'en-US': '12–17' },
  '18-39': { 'zh-CN': '18–39 岁', 'en-US': '18–39' },
  '40-59': { 'zh-CN': '40–59 岁', 'en-US': '40–59' },
  '60-69': { 'zh-CN': '60–69 岁', 'en-US': '60–69' },
  '70-79': { 'zh-CN': '70–79 岁', 'en-US': '70–79' },
  '80+': { 'zh-CN': '80 岁及以上', 'en-US': '80 and over' },
} satisfies CodeList<string>;
export type AgeBand = keyof typeof AGE_BANDS;
export const AGE_BAND_CODES = Object.keys(AGE_BANDS) as AgeBand[];

/** The band an age in whole years falls in. */
export function ageBandOf(age: number): AgeBand {
  if (age < 6) return '0-5';
  if (age < 12) return '6-11';
  if (age < 18) return '12-17';
  if (age < 40) return '18-39';
  if (age < 60) return '40-59';
  if (age < 70) return '60-69';
  if (age < 80) return '70-79';
  return '80+';
}

/** Dimensions a survey's answers can be cross-tabulated by. */
export const CROSSTAB_DIMENSIONS = {
  village: { 'zh-CN': '村(社区)', 'en-US': 'Village' },
  group: { 'zh-CN': '服务对象类别', 'en-US': 'Group' },
  gender: { 'zh-CN': '性别', 'en-US': 'Sex' },
  age_band: { 'zh-CN': '年龄段', 'en-US': 'Age band' },
} satisfies CodeList<string>;
export type CrosstabDimension = keyof typeof CROSSTAB_DIMENSIONS;

/** identified → being_served → met | unmet; a met or unmet need can be reopened as identified. */
export const NEED_STATUSES = {
  identified: { 'zh-CN': '已识别', 'en-US': 'Identified' },
  being_served: { 'zh-CN': '服务中', 'en-US': 'Being served' },
  met: { 'zh-CN': '已满足', 'en-US': 'Met' },
  unmet: { 'zh-CN': '未能满足', 'en-US': 'Not met' },
} satisfies CodeList<string>;
export type NeedStatus = keyof typeof NEED_STATUSES;
export const OPEN_NEED_STATUSES: NeedStatus[] = ['identified', 'being_served'];
export const NEED_TRANSITIONS: Record<NeedStatus, NeedStatus[]> = {
  identified: ['being_served', 'met', 'unmet'],
  being_served: ['met', 'unmet', 'identified'],
  met: ['identified'],
  unmet: ['identified', 'being_served'],
};

/** Where a need was identified. */
export const NEED_SOURCES = {
  survey: { 'zh-CN': '问卷/访谈', 'en-US': 'Survey or interview' },
  visit: { 'zh-CN': '走访', 'en-US': 'Visit' },
  assessment: { 'zh-CN': '个案需求评估', 'en-US': 'Case assessment' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
} satisfies CodeList<string>;
export type NeedSource = keyof typeof NEED_SOURCES;

/**
 * The concrete or professional service types that answer each need type: a need counts as
 * answered once its person has a service record of one of them since it was identified.
 */
export const NEED_SERVICE_TYPES: Record<NeedTypeCode, ServiceTypeCode[]> = {
  healthcare: ['health'],
  elder_education: ['capacity_building', 'digital_skills'],
  recreation: ['social_integration'],
  daily_care: ['daily_care'],
  companionship: ['companionship', 'counselling'],
  digital_skills: ['digital_skills'],
  anti_fraud: ['anti_fraud'],
  policy_access: ['policy'],
  tutoring: ['tutoring'],
  safety_education: ['safety_education'],
  psychological: ['counselling', 'companionship'],
  family_contact: ['counselling'],
  interest_activities: ['capacity_building', 'social_integration'],
  child_education: ['tutoring', 'capacity_building'],
  family_health: ['health'],
  employment: ['capacity_building'],
  rights_protection: ['policy'],
};

/** The need types that belong with each audience of the seed's findings, for templates and pickers. */
export const NEED_TYPES_BY_AUDIENCE = {
  elder: ['healthcare', 'elder_education', 'recreation', 'daily_care', 'companionship', 'digital_skills', 'anti_fraud', 'policy_access'],
  child: ['tutoring', 'safety_education', 'psychological', 'family_contact', 'interest_activities'],
  woman: ['child_education', 'family_health', 'employment', 'rights_protection'],
} as const satisfies Record<string, readonly NeedTypeCode[]>;
