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
