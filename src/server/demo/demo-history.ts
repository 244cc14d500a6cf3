import type { Ctx } from '../context';
import { caseEvents, cases, serviceRecords } from '../db/schema/index';
import { contentHash, concernsOf, reportTypes, storedChecklist } from '../modules/services/services.rules';
import { shanghaiDay } from '../time';
import { audienceOf as careAudienceOf } from '../modules/care/care.rules';
import { DEFAULT_CARE_RULES, type Cadence as PlanCadence, type ClosureReason, type RiskLevel, type ServiceKind, type ServiceTypeCode } from '../../shared/codes';
import { zVisitChecklist, type VisitChecklist } from '../../shared/schemas/services';
import { planStationCases, type CaseEventInsert, type CaseInsert, type CaseServiceRequest, type CaseStaff } from './demo-history-cases';
import {
  addDays,
  at,
  daysBetween,
  festivalsBetween,
  historyPeople,
  inHeatingSeason,
  inSchoolHoliday,
  monthOf,
  Rng,
  weekday,
  type Festival,
  type HistoryPerson,
} from './demo-history-support';
import type { SyntheticHousehold } from './synthetic-people';

/**
 * A year of the demo township's work: service records (服务记录) and cases (个案) for its
 * synthetic residents, as a station's ledger would show them after a year. EVERYTHING HERE IS
 * INVENTED, like the residents: the visits, calls, findings and words are drawn from the
 * fragments below with a seeded random source, so the same seed gives the same year.
 *
 * The rhythm follows DOMAIN.md: elders in special difficulty phoned and visited by the contact
 * plan of their risk level, left-behind children visited every few weeks (more in the school
 * holidays), and since the autumn everyone in a care group by the station's contact plans, festival visits and calls (Spring Festival, Double Ninth, Mid-Autumn …) on the lunar
 * calendar, group activities of the kind the seed report describes, and the cases' own services.
 */

export type ServiceInsert = typeof serviceRecords.$inferInsert;

export interface HistoryStaff extends CaseStaff {
  volunteerIds: readonly string[];
}

export interface HistoryStationInput {
  id: string;
  villageIds: readonly string[];
  /** Village → the social worker who goes there (the care settings' share); villages in turn when absent. */
  villageWorkers?: Readonly<Record<string, string>>;
  households: readonly SyntheticHousehold[];
  staff: HistoryStaff;
  /** Cases at each stage in this station (the township's dozen a stage, shared out). */
  casesPerStage: number;
  overdueReviews: number;
  pendingCloseRequests: number;
  closureReasons: ClosureReason[];
}

export interface DemoHistoryInput {
  now: Date;
  seed: number;
  stations: readonly HistoryStationInput[];
}

export interface DemoHistoryPlan {
  services: ServiceInsert[];
  cases: CaseInsert[];
  caseEvents: CaseEventInsert[];
}

export interface LoadedHistory {
  services: number;
  cases: number;
  caseEvents: number;
}

// ---------------------------------------------------------------------------------------------
// Contact rhythm: mean days between contacts of each kind, by who the person is and their risk.

type Cadence = Partial<Record<'phone' | 'home_visit' | 'office' | 'online', number>>;

const CADENCE: Record<HistoryPerson['profile'], Record<RiskLevel, Cadence>> = {
  elder_special: { high: { phone: 10, home_visit: 18 }, medium: { phone: 24, home_visit: 35 }, low: { phone: 34, home_visit: 110 } },
  elder: { high: { phone: 30, home_visit: 60 }, medium: { phone: 90, home_visit: 160 }, low: { phone: 150, home_visit: 270 } },
  left_behind_child: { high: { home_visit: 16, phone: 21, online: 60 }, medium: { home_visit: 35, phone: 50, online: 90 }, low: { home_visit: 70, phone: 100 } },
  child_in_difficulty: { high: { home_visit: 21, phone: 30 }, medium: { home_visit: 45, phone: 60 }, low: { home_visit: 90, phone: 120 } },
  child: { high: { home_visit: 60 }, medium: { home_visit: 120 }, low: { home_visit: 240 } },
  disabled: { high: { home_visit: 30, phone: 30 }, medium: { home_visit: 60, phone: 45 }, low: { home_visit: 120, phone: 90 } },
  woman: { high: { phone: 45, office: 60 }, medium: { phone: 90, office: 120, online: 150 }, low: { office: 180, online: 200 } },
  needy_adult: { high: { phone: 45, office: 60, home_visit: 90 }, medium: { phone: 90, office: 120 }, low: { office: 200 } },
  none: { high: {}, medium: {}, low: {} },
};

/** Services given by hand, in person: never over the phone. */
const HANDS_ON: ReadonlySet<ServiceTypeCode> = new Set<ServiceTypeCode>(['daily_care', 'material_aid', 'digital_skills', 'tutoring']);

/** Share of planned contacts that happen (workers fall behind, people are out). */
const ADHERENCE = 0.72;

/**
 * Since the autumn (this many days before today) the station has worked to its contact plans:
 * people in care groups are called and visited when the care module's default rules say
 * (DOMAIN.md's cadences). Before, their contacts kept the rhythm above, but fell behind more
 * often: about half of them happened.
 */
export const CONTACT_PLANS_SINCE_DAYS = 70;
const ADHERENCE_BEFORE_PLANS = 0.5;
/** People whose worker has fallen behind with them lately: the overdue contacts every station has. */
const PLAN_BEHIND_SHARE = 0.16;

/** The contact plan a person is worked to from the autumn on: the default rule of their audience and risk, or none. */
function planOf(p: HistoryPerson): PlanCadence | null {
  const audience = careAudienceOf([...p.groups]);
  return audience && p.risk ? DEFAULT_CARE_RULES[audience][p.risk] : null;
}

const DURATION: Record<ServiceKind, [number, number]> = {
  phone: [5, 20],
  home_visit: [30, 90],
  office: [20, 60],
  group: [60, 150],
  online: [15, 40],
};

type Audience = 'elder' | 'child' | 'adult';

function audienceOf(p: HistoryPerson): Audience {
  if (p.age >= 60) return 'elder';
  if (p.age < 18) return 'child';
  return 'adult';
}

/** A service record before its summary and fingerprint are made. */
interface Draft {
  person: HistoryPerson;
  kind: ServiceKind;
  serviceTypes: ServiceTypeCode[];
  startedAt: Date;
  durationMinutes: number;
  workerIds: string[];
  volunteerIds: string[];
  wellbeing: number | null;
  followUpOn: string | null;
  checklist: VisitChecklist | null;
  /** Notes of checklist items found of concern, for the summary. */
  findings: string[];
  goods: string | null;
  caseId: string | null;
  goalIds: string[];
  /** What the summary opens with and is about. */
  occasion: Occasion;
}

type Occasion =
  | { kind: 'routine' }
  | { kind: 'festival'; festival: Festival }
  | { kind: 'activity'; name: string; observations: string[] | null }
  | { kind: 'case'; goal: string };

// ---------------------------------------------------------------------------------------------
// Words. Fragments composed into summaries; nothing is a real person's record.

const OPENINGS: Record<Exclude<ServiceKind, 'group'>, Record<Audience, string[]>> = {
  phone: {
    elder: ['电话问候老人，', '给老人打电话，', '例行电话关怀，', '电话回访老人，', '打电话询问老人近况，', '电话联系老人，老人接听及时、口齿清楚，'],
    child: ['电话联系孩子的监护人，', '电话回访孩子家里，', '电话联系孩子和在外务工的父亲，', '给孩子的母亲打电话，孩子也在旁边，', '晚上电话联系孩子和监护人，'],
    adult: ['电话联系服务对象，', '电话回访，', '打电话询问近况，'],
  },
  home_visit: {
    elder: ['入户探访老人，', '到老人家中走访，', '上门看望老人，', '与村干部一同入户探访，', '和村医一起上门看望老人，'],
    child: ['入户探访孩子和监护人，', '放学后到孩子家中走访，', '周末上门看望孩子，', '与村儿童主任一同入户，'],
    adult: ['入户走访，', '上门了解家庭情况，', '到家中回访，'],
  },
  office: {
    elder: ['老人来站咨询，', '老人由家人陪同来站，'],
    child: ['监护人带孩子来站，', '孩子放学后来站，'],
    adult: ['服务对象来站咨询，', '服务对象来站办理事项，', '服务对象来站参加咨询，'],
  },
  online: {
    elder: ['微信视频回访老人，', '通过微信视频看望老人，'],
    child: ['组织孩子与在外务工的父母微信视频，', '通过微信视频与孩子和监护人交流，'],
    adult: ['通过微信联系服务对象，', '线上推送信息并答疑，'],
  },
};

const CONTENT: Record<ServiceTypeCode, Partial<Record<Audience, string[]>>> = {
  companionship: {
    elder: ['陪老人聊家常，老人说起年轻时放牧的往事，谈兴很浓。', '陪老人聊天，老人说挂念在外打工的儿女。', '听老人讲最近的烦心事，耐心倾听并宽慰。', '陪老人在院子里晒太阳、聊天。', '和老人一起翻看老照片，老人笑得很开心。', '陪老人唠了唠村里的新鲜事。'],
    child: ['陪孩子聊学校里的事，孩子说交了新朋友。', '陪孩子下棋、聊天，孩子比上次开朗。', '听孩子说想爸爸妈妈，给予安慰和鼓励。', '陪孩子读绘本，孩子读得很认真。', '和孩子一起画画，孩子画了一家人。'],
    adult: ['与服务对象交谈，了解近期的困难和想法。', '陪服务对象聊了聊家里的情况。'],
  },
  daily_care: {
    elder: ['帮老人打扫屋内卫生，整理衣物。', '协助老人清洗被褥，把常用物品放到顺手的位置。', '帮老人做了一顿午饭，查看了家中米面油存量。', '帮老人理发、剪指甲。', '帮老人挑水、收拾院子。'],
    adult: ['协助家属为服务对象翻身、擦洗，示范护理要点。', '帮忙打扫卫生，整理生活用品。'],
    child: ['帮孩子整理书包和衣物。'],
  },
  health: {
    elder: ['为老人测量血压，提醒按时服用降压药。', '了解老人慢性病用药情况，药品还够用半个月。', '提醒老人按时到乡镇卫生院复查。', '老人说腿疼加重，建议尽快到卫生院就诊。', '联系村医上门，为老人做了简单检查。', '讲解防跌倒的注意事项。'],
    child: ['了解孩子身体状况，提醒监护人按时带孩子体检。', '孩子感冒刚好，提醒监护人注意孩子保暖。'],
    adult: ['了解服务对象的康复和用药情况。', '协助预约县医院复查。', '指导居家康复训练动作。'],
  },
  policy: {
    elder: ['核实高龄津贴、养老金到账情况。', '讲解城乡居民医保缴费政策，提醒按时缴费。', '讲解特困供养和低保政策，解答老人疑问。', '协助老人准备慢性病门诊认定材料。'],
    child: ['讲解困境儿童基本生活保障政策，核对申请材料。', '了解孩子的教育资助落实情况。'],
    adult: ['讲解低保年审需要的材料，帮助整理证明。', '协助申请临时救助，材料已交村委会。', '讲解残疾人两项补贴的申请条件和流程。', '核实各项补贴到账情况。'],
  },
  counselling: {
    elder: ['老人老伴去世后情绪低落，进行了情绪疏导。', '老人担心给子女添麻烦，帮助其调整想法。', '老人为看病花钱发愁，做了情绪疏导。'],
    child: ['孩子近期有厌学情绪，进行了疏导，鼓励孩子说出心里话。', '孩子和同学闹了矛盾，帮助孩子梳理经过。', '孩子说想妈妈，做了情绪疏导。'],
    adult: ['服务对象压力较大，进行了情绪疏导。', '倾听服务对象对家庭的担忧，帮助理清头绪。'],
  },
  tutoring: {
    child: ['辅导孩子完成数学作业，讲解了两位数乘法。', '检查孩子的语文作业，陪孩子读课文。', '辅导英语单词听写，错误的已订正。', '辅导孩子做练习册，孩子能独立完成大部分题目。', '陪孩子练字、背古诗。', '辅导孩子的应用题，孩子学会了画线段图。'],
  },
  safety_education: {
    child: ['进行用火用电安全教育，检查了家中插座。', '讲解上下学路上的交通安全。', '进行防欺凌和自我保护教育。', '讲解防拐骗知识，和孩子约定不跟陌生人走。', '和孩子一起认读家里的安全标识，讲解遇险求助电话。'],
    elder: ['提醒老人用火用电安全，睡前检查炉火。'],
    adult: ['讲解家庭用火用电安全。'],
  },
  resource_linking: {
    elder: ['联系乡镇卫生院为老人安排上门体检。', '对接村委会，协调解决用水问题。', '联系爱心企业为老人争取到一台电暖器。'],
    child: ['链接爱心企业资源，为孩子争取到一套学习用品。', '联系学校为孩子申请营养餐补助。'],
    adult: ['联系县残联了解辅具申领，登记了轮椅需求。', '对接镇妇联的巾帼创业项目。', '联系县人社局了解公益性岗位。'],
  },
  capacity_building: {
    adult: ['介绍县人社局的就业技能培训，服务对象有意报名。', '开展家庭教育指导，交流如何与孩子沟通。', '分享家庭健康知识，讲解慢性病饮食。'],
    child: ['和孩子一起做手工，锻炼动手能力。', '指导孩子制定每天的学习计划。'],
    elder: ['教老人做简单的康复操。'],
  },
  social_integration: {
    elder: ['鼓励老人参加村里的文艺活动，老人答应去看看。', '介绍老人认识同村的老人，约好一起去活动室。'],
    child: ['邀请孩子参加社工站周末兴趣小组。', '鼓励孩子参加学校的篮球队。'],
    adult: ['介绍服务对象认识同村妇女，约好一起参加手工活动。'],
  },
  digital_skills: {
    elder: ['教老人用智能手机视频通话，老人已能自己接听。', '教老人用微信发语音消息。', '教老人在手机上查看养老金到账短信。', '帮老人把手机字体调大，设置了紧急联系人。'],
    adult: ['教服务对象在手机上办理医保缴费。'],
  },
  anti_fraud: {
    elder: ['讲解常见电信诈骗手法，提醒不要轻信陌生来电。', '提醒老人警惕“保健品”推销和“免费领鸡蛋”骗局。', '和老人一起看防诈骗宣传单，约定遇到可疑电话先问子女或社工。'],
    adult: ['讲解刷单、冒充客服等诈骗手法。'],
  },
  material_aid: {
    elder: ['送去慰问物资。'],
    child: ['送去慰问物资。'],
    adult: ['送去慰问物资。'],
  },
};

/** What a call or a video can do: no one's blood pressure is taken over the phone. */
const REMOTE_CONTENT: Partial<Record<ServiceTypeCode, Partial<Record<Audience, string[]>>>> = {
  companionship: {
    elder: ['和老人聊了聊家常，老人说挂念在外打工的儿女。', '听老人讲最近的烦心事，耐心宽慰。', '老人说这几天吃得好、睡得好，聊得很高兴。', '问候老人冷暖，提醒天气变化注意添衣。', '老人说起孙子考上了高中，很高兴。', '老人说邻居常来串门，心里不孤单。'],
    child: ['和孩子聊了聊学校里的事。', '孩子说这周考试得了表扬，很开心。', '监护人说孩子最近挺懂事，会帮忙做家务。', '孩子说想爸爸妈妈，在电话里安慰了孩子。', '孩子说周末和同学去了镇上的图书室。'],
    adult: ['了解服务对象近期的困难和想法。', '问候服务对象和家人近况。'],
  },
  health: {
    elder: ['询问老人用药情况，提醒按时服用降压药。', '提醒老人按时到乡镇卫生院复查。', '老人说腿疼加重，建议尽快到卫生院就诊。', '询问老人血压情况，老人说村医上周量过，还算正常。'],
    child: ['询问孩子身体状况，提醒监护人注意孩子保暖。'],
    adult: ['了解服务对象的康复和用药情况。', '提醒服务对象按时复查。'],
  },
  tutoring: {
    child: ['询问孩子作业完成情况，提醒监护人督促孩子按时写作业。', '了解孩子期中考试成绩，鼓励孩子继续努力。', '和孩子约好下次入户辅导的时间。'],
  },
  safety_education: {
    child: ['提醒监护人看管好孩子，注意上下学交通安全。', '提醒孩子注意用火用电安全。', '提醒孩子放学按时回家，不跟陌生人走。'],
    elder: ['提醒老人睡前检查炉火和电器。'],
  },
  anti_fraud: {
    elder: ['提醒老人警惕冒充医保局、公安的诈骗电话。', '提醒老人不要轻信陌生来电和“保健品”推销。'],
  },
};

const summer = (d: string) => monthOf(d) >= 5 && monthOf(d) <= 9;
const examMonth = (d: string) => monthOf(d) === 6 || monthOf(d) === 12 || monthOf(d) === 1;
const SEASONAL: { when: (day: string) => boolean; type: ServiceTypeCode; audience: Audience; remote: boolean; text: string }[] = [
  { when: inHeatingSeason, type: 'daily_care', audience: 'elder', remote: false, text: '帮老人劈柴、添煤，清理了炉灰。' },
  { when: inHeatingSeason, type: 'health', audience: 'elder', remote: false, text: '讲解冬季防感冒、防煤气中毒的注意事项。' },
  { when: inHeatingSeason, type: 'health', audience: 'elder', remote: true, text: '提醒老人烧炕、生炉子注意通风，防止煤气中毒。' },
  { when: inHeatingSeason, type: 'companionship', audience: 'elder', remote: true, text: '问老人家里取暖煤够不够，老人说够烧到开春。' },
  { when: inHeatingSeason, type: 'safety_education', audience: 'child', remote: false, text: '讲解冬季取暖防一氧化碳中毒知识。' },
  { when: inHeatingSeason, type: 'safety_education', audience: 'child', remote: true, text: '提醒监护人冬季取暖注意通风。' },
  { when: summer, type: 'safety_education', audience: 'child', remote: false, text: '讲解防溺水“六不准”，孩子能复述要点。' },
  { when: summer, type: 'safety_education', audience: 'child', remote: true, text: '提醒孩子不要私自下河、下水库游泳。' },
  { when: inSchoolHoliday, type: 'tutoring', audience: 'child', remote: false, text: '帮助孩子制定假期作业计划，检查了假期作业。' },
  { when: inSchoolHoliday, type: 'tutoring', audience: 'child', remote: true, text: '询问孩子假期作业进度，约好下周入户检查。' },
  { when: examMonth, type: 'tutoring', audience: 'child', remote: false, text: '陪孩子复习，准备期末考试。' },
  { when: examMonth, type: 'tutoring', audience: 'child', remote: true, text: '提醒孩子期末复习，鼓励孩子放松心情。' },
];

const GOODS: { text: string; goods: string; when?: (f: Festival | null, day: string) => boolean; audience?: Audience }[] = [
  { text: '送去米一袋、油一桶。', goods: '大米一袋、食用油一桶' },
  { text: '送去棉被一床和冬衣。', goods: '棉被一床、冬衣一件', when: (_, d) => inHeatingSeason(d) },
  { text: '送去取暖煤和米面。', goods: '取暖煤五百斤、面粉一袋', when: (_, d) => inHeatingSeason(d) },
  { text: '送去月饼和水果。', goods: '月饼一盒、水果一箱', when: (f) => f?.key === 'mid_autumn' },
  { text: '送去粽子和牛奶。', goods: '粽子一袋、牛奶一箱', when: (f) => f?.key === 'dragon_boat' },
  { text: '送去米一袋、油一桶和重阳糕。', goods: '大米一袋、食用油一桶、重阳糕一盒', when: (f) => f?.key === 'double_ninth' },
  { text: '送去春联、年货和慰问金。', goods: '春联一副、年货一份、慰问金三百元', when: (f) => f?.key === 'spring_festival' },
  { text: '送去书包和学习用品。', goods: '书包一个、文具一套', audience: 'child' },
  { text: '送去冬季校服和棉鞋。', goods: '棉服一件、棉鞋一双', audience: 'child', when: (_, d) => inHeatingSeason(d) },
];

const FINDINGS: Record<Audience, Record<number, string[]>> = {
  elder: {
    5: ['老人精神很好，家中收拾得干净整齐。', '老人气色不错，说最近吃得香、睡得好。'],
    4: ['老人精神状态较好，生活能自理。', '整体情况稳定，老人心情不错。', '老人身体尚可，按时吃药。', '老人精神头不错，说话中气足。'],
    3: ['情况一般，饮食起居基本正常。', '老人说最近腿脚不太利索，其他尚可。', '老人睡眠一般，偶尔头晕。', '老人说关节疼的老毛病又犯了，其他还好。'],
    2: ['老人情绪较低落，食欲不好，需持续关注。', '老人咳嗽较重，精神欠佳。', '老人说夜里常睡不着，人消瘦了些。'],
    1: ['老人身体明显变差，已联系其子女和村医。', '老人卧床，进食很少，已告知村委会和家属。'],
  },
  child: {
    5: ['孩子活泼开朗，学习积极。', '孩子状态很好，刚拿了奖状。'],
    4: ['孩子状态不错，作业基本能按时完成。', '孩子精神好，和家人相处融洽。', '孩子懂事，主动帮监护人做家务。'],
    3: ['孩子学习有些吃力，其他正常。', '孩子话不多，需要多鼓励。', '孩子最近贪玩，作业拖拉。'],
    2: ['孩子情绪低落，成绩下滑，需加强关注。', '孩子近期常不完成作业，监护人管教吃力。'],
    1: ['孩子有离家出走的念头，已与监护人和学校沟通。'],
  },
  adult: {
    5: ['服务对象状态很好。'],
    4: ['家庭情况稳定。', '服务对象情绪平稳，积极配合。'],
    3: ['家庭经济仍较紧张，基本生活有保障。', '服务对象身体一般，家务能应付。'],
    2: ['服务对象压力较大，家庭困难较多，需持续跟进。'],
    1: ['家庭遇到突发困难，已协助申请临时救助。'],
  },
};

/** What a call lets one judge: how the person sounds and what they say, not how the house looks. */
const REMOTE_FINDINGS: Partial<Record<Audience, Record<number, string[]>>> = {
  elder: {
    5: ['老人声音洪亮，心情很好。', '老人说最近吃得香、睡得好。'],
    4: ['老人说话有精神，说一切都好。', '整体情况稳定，老人心情不错。', '老人说身体尚可，按时吃药。', '老人精神头不错，说话中气足。'],
    3: ['老人说饮食起居基本正常。', '老人说最近腿脚不太利索，其他尚可。', '老人说睡眠一般，偶尔头晕。', '老人说关节疼的老毛病又犯了，其他还好。'],
    2: ['老人说话有气无力，说胃口不好，需持续关注。', '老人咳嗽较重，听着精神欠佳。', '老人说夜里常睡不着，心里发慌。'],
    1: ['老人说身体很不舒服，已联系其子女和村医上门查看。'],
  },
};

const FOLLOW_UPS = ['约定{n}天后再回访。', '{n}天后电话跟进。', '已告知村干部请其多留意，{n}天后回访。', '下次入户复查，约在{n}天后。'];

const GROUP_OBSERVATIONS: Record<Audience, string[]> = {
  elder: ['老人积极参与，和邻居有说有笑。', '老人坐在前排听得很认真。', '老人唱了一段花儿，气氛很好。', '老人话不多，但一直待到活动结束。', '老人说这样的活动以后要常办。', '老人和多年未见的老姐妹聊了很久。', '老人主动帮忙摆凳子。', '老人提了两个问题，志愿者一一解答。'],
  child: ['孩子开始有些害羞，后来主动发言。', '孩子和小伙伴合作得很好。', '孩子认真听讲，答对了两道题。', '孩子很投入，问下次活动什么时候。', '孩子帮助年纪小的同伴。', '孩子在分享环节讲了自己的故事。', '孩子全程专注，表现很好。', '孩子一开始坐不住，后来跟上了节奏。'],
  adult: ['服务对象认真听讲并做了记录。', '服务对象主动分享了自家的经验。', '服务对象领取了宣传资料，表示会转告邻居。', '服务对象询问了报名方式。'],
};

// ---------------------------------------------------------------------------------------------
// The home-visit checklist of an elder (DOMAIN.md): mostly fine, concerns where the person's file
// makes them likely, heating only in the heating season.

const ITEM_NOTES: Record<string, string[]> = {
  'health.speech': ['说话含糊'],
  'health.mobility': ['行走需扶墙，起身困难', '腿脚不便，出门靠拐杖'],
  'health.reactions': ['反应较慢'],
  'health.illness': ['慢性病加重，近期常咳嗽', '血压偏高，头晕'],
  'health.mood': ['情绪低落，常独自流泪', '说晚上睡不着，心里发慌'],
  'money.food': ['家中米面所剩不多', '常吃剩饭，饮食单一', '冰箱坏了，食物存放不当'],
  'money.housing': ['屋顶漏雨', '院墙有裂缝'],
  'money.transport': ['去镇上看病无车可乘'],
  'money.medical_costs': ['药费负担重', '住院自付部分还欠着'],
  'money.benefits_arrive': ['高龄津贴两个月未到账'],
  'family.children_visit': ['子女一年多未回家'],
  'family.children_call': ['子女很少打电话'],
  'family.relatives_nearby': ['附近无亲友照应'],
  'home_safety.house': ['房屋墙体开裂'],
  'home_safety.water': ['水管冻裂，吃水靠邻居帮忙'],
  'home_safety.power': ['电线老化裸露'],
  'home_safety.gas': ['液化气罐摆放在灶台旁'],
  'home_safety.heating': ['土炕烟道破损，有一氧化碳中毒隐患', '煤炉未装烟囱，屋内有煤烟味', '取暖煤不够过冬', '电暖器插线板老化发热', '炉子离床铺太近，有火灾隐患'],
  'service_needs.daily_care': ['需要定期帮助打扫和做饭'],
  'service_needs.rehabilitation': ['需要康复训练指导'],
  'service_needs.emotional_support': ['需要经常陪伴聊天'],
  'service_needs.home_adaptation': ['厕所需加装扶手', '门槛需改平'],
};


/** How likely an elder is to have this trouble in a year; null where the item does not apply to them. */
function concernChance(p: HistoryPerson, key: string): number | null {
  const alone = p.living === 'alone';
  const solitary = p.groups.has('solitary_elder') || p.childrenAway === 0;
  const poor = p.groups.has('low_income') || p.groups.has('extreme_poverty');
  switch (key) {
    case 'health.speech':
      return p.selfCare === 'unable' ? 0.2 : 0.01;
    case 'health.mobility':
      return p.selfCare === 'unable' ? 0.6 : p.selfCare === 'partly' ? 0.25 : 0.02;
    case 'health.reactions':
      return p.age >= 85 ? 0.1 : 0.02;
    case 'health.illness':
      return p.health === 'serious_illness' ? 0.3 : p.health === 'chronic_illness' ? 0.05 : 0.01;
    case 'health.mood':
      return p.risk === 'high' ? 0.12 : alone ? 0.05 : 0.02;
    case 'money.food':
      return poor ? 0.04 : 0.01;
    case 'money.housing':
      return 0.02;
    case 'money.transport':
      return 0.02;
    case 'money.medical_costs':
      return p.health === 'serious_illness' ? 0.15 : p.health === 'chronic_illness' ? 0.03 : 0.01;
    case 'money.benefits_arrive':
      return 0.015;
    case 'family.children_visit':
      return solitary ? null : p.groups.has('empty_nest_elder') ? 0.08 : 0.02;
    case 'family.children_call':
      return solitary ? null : 0.03;
    case 'family.relatives_nearby':
      return solitary ? 0.12 : alone ? 0.05 : 0.01;
    case 'home_safety.house':
      return 0.02;
    case 'home_safety.water':
      return 0.02;
    case 'home_safety.power':
      return 0.025;
    case 'home_safety.gas':
      return 0.02;
    case 'home_safety.heating':
      return alone ? 0.09 : 0.06;
    case 'service_needs.daily_care':
      return p.selfCare === 'unable' ? 0.6 : p.selfCare === 'partly' ? 0.25 : 0.02;
    case 'service_needs.rehabilitation':
      return p.groups.has('disabled') ? 0.25 : p.health === 'serious_illness' ? 0.1 : 0.01;
    case 'service_needs.emotional_support':
      return alone || solitary ? 0.1 : 0.03;
    case 'service_needs.home_adaptation':
      return p.selfCare && p.selfCare !== 'independent' ? 0.1 : 0.01;
    default:
      return 0.02;
  }
}

const CHECKLIST_SECTIONS = {
  health: ['speech', 'mobility', 'reactions', 'illness', 'mood'],
  money: ['food', 'housing', 'transport', 'medical_costs', 'benefits_arrive'],
  family: ['children_visit', 'children_call', 'relatives_nearby'],
  home_safety: ['house', 'water', 'power', 'gas', 'heating'],
  service_needs: ['daily_care', 'rehabilitation', 'emotional_support', 'home_adaptation'],
} as const;

/**
 * Of the chances above, the share that is a lasting trouble of the year; a lasting trouble is
 * seen on most visits, any other item turns up now and then.
 */
const LASTING_SHARE = 0.6;
const LASTING_SEEN = 0.7;
const PASSING_CHANCE = 0.002;

/** The troubles an elder has this year, drawn once: they show on most visits, as they would in life. */
function lastingConcerns(rng: Rng, p: HistoryPerson): Set<string> {
  const lasting = new Set<string>();
  for (const section of Object.keys(CHECKLIST_SECTIONS) as (keyof typeof CHECKLIST_SECTIONS)[]) {
    for (const item of CHECKLIST_SECTIONS[section]) {
      const key = `${section}.${item}`;
      if (rng.chance((concernChance(p, key) ?? 0) * LASTING_SHARE)) lasting.add(key);
    }
  }
  return lasting;
}


function checklistFor(rng: Rng, p: HistoryPerson, day: string, lasting: ReadonlySet<string>, forced: string[] = []): { checklist: VisitChecklist; findings: string[] } {
  const found: Record<string, Record<string, string | null>> = {};
  const findings: string[] = [];
  const heating = inHeatingSeason(day);
  for (const section of Object.keys(CHECKLIST_SECTIONS) as (keyof typeof CHECKLIST_SECTIONS)[]) {
    const items: Record<string, string | null> = {};
    const notes: string[] = [];
    for (const item of CHECKLIST_SECTIONS[section]) {
      const key = `${section}.${item}`;
      // Heating is looked at in the heating season, or when it is the reason for the visit.
      const applies = concernChance(p, key) !== null && (key !== 'home_safety.heating' || heating || forced.includes(key));
      const concern = forced.includes(key) || (applies && rng.chance(lasting.has(key) ? LASTING_SEEN : key === 'home_safety.heating' ? PASSING_CHANCE * 4 : PASSING_CHANCE));
      items[item] = concern ? 'concern' : applies ? 'ok' : 'not_checked';
      if (concern) notes.push(rng.pick(key === 'home_safety.water' && !heating ? ['自来水时有时无，吃水不方便'] : (ITEM_NOTES[key] ?? ['需关注'])));
    }
    items.note = notes.length > 0 ? `${notes.join('；')}。` : null;
    if (notes.length > 0 && section !== 'service_needs') findings.push(notes.join('，'));
    found[section] = items;
  }
  // Parsed by the API's own schema: the demo's checklists are ones a client could have sent.
  return { checklist: zVisitChecklist.parse(found), findings };
}

// ---------------------------------------------------------------------------------------------
// Group activities of the year: the seed report's and the days of care's.

interface Activity {
  name: string;
  day: string;
  audience: (p: HistoryPerson) => boolean;
  attendance: number;
  serviceTypes: ServiceTypeCode[];
  /** What a worker notes of one participant, when the generic notes would not fit. */
  observations?: string[];
  /** Held in every village (at the village committee) or once for the town (at the station). */
  perVillage: boolean;
  minutes: number;
}

function activitiesOfYear(rng: Rng, from: string, to: string, festivals: readonly Festival[]): Activity[] {
  const elders = (p: HistoryPerson) => p.age >= 60;
  const children = (p: HistoryPerson) => p.age >= 6 && p.age < 16 && (p.profile === 'left_behind_child' || p.profile === 'child' || p.profile === 'child_in_difficulty');
  const list: Activity[] = [];
  const on = (day: string, activity: Omit<Activity, 'day'>) => {
    const shifted = weekday(day) === 0 ? addDays(day, -1) : day;
    if (shifted >= from && shifted <= to) list.push({ ...activity, day: shifted });
  };
  for (const festival of festivals) {
    switch (festival.key) {
      case 'double_ninth':
        on(addDays(festival.day, -1), { name: '村委会「九九重阳 敬老爱老」活动', audience: elders, attendance: 0.35, serviceTypes: ['companionship', 'health'], perVillage: true, minutes: 120 });
        break;
      case 'childrens_day':
        on(addDays(festival.day, -rng.int(0, 2)), { name: '「快乐六一」儿童游园和安全知识问答', audience: children, attendance: 0.45, serviceTypes: ['safety_education', 'social_integration'], perVillage: false, minutes: 150 });
        break;
      case 'womens_day':
        on(festival.day, { name: '「三八」妇女家庭健康讲座', audience: (p) => p.profile === 'woman' || (p.gender === 'female' && p.age >= 18 && p.age < 60), attendance: 0.4, serviceTypes: ['health', 'capacity_building'], perVillage: false, minutes: 90 });
        break;
      case 'charity_day':
        on(festival.day, { name: '中华慈善日《慈善法》和妇女儿童权益宣传', audience: (p) => p.profile === 'woman' || p.profile === 'needy_adult' || p.profile === 'disabled', attendance: 0.3, serviceTypes: ['policy'], perVillage: false, minutes: 90 });
        break;
      case 'disability_day':
        on(festival.day, { name: '国际残疾人日「助残暖心」活动', audience: (p) => p.groups.has('disabled'), attendance: 0.45, serviceTypes: ['material_aid', 'policy'], perVillage: false, minutes: 90 });
        break;
      default:
        break;
    }
  }
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    // Summer homework group: weekly from late July; winter safety class in the winter holiday.
    for (let week = 0; week < 4; week++) {
      on(addDays(`${year}-07-22`, week * 7), { name: '暑期课业辅导小组', audience: children, attendance: 0.3, serviceTypes: ['tutoring', 'safety_education'], perVillage: false, minutes: 120 });
    }
    on(`${year}-01-24`, { name: '寒假安全小课堂', audience: children, attendance: 0.3, serviceTypes: ['safety_education'], perVillage: false, minutes: 90 });
    const craft = ['孩子动手能力强，第一个编好了布艺篮子。', '孩子说要把篮子带回家送给奶奶。', '孩子选了红黄两色布条，编得很整齐。', '孩子起初编不好，在志愿者帮助下完成了作品。', '孩子和同伴互相帮忙，一起完成作品。'];
    for (const [first, last] of [[10, 14], [24, 28]] as const) {
      on(`${year}-10-${String(rng.int(first, last)).padStart(2, '0')}`, { name: '「相约金秋 彩色童年」手工小组（布艺篮子）', audience: children, attendance: 0.2, serviceTypes: ['capacity_building', 'social_integration'], observations: craft, perVillage: false, minutes: 120 });
    }
    for (const month of [1, 3, 5, 7, 9, 11]) {
      on(`${year}-${String(month).padStart(2, '0')}-${String(rng.int(8, 24)).padStart(2, '0')}`, { name: '「情暖少数民族女孩」成长小组', audience: (p) => p.groups.has('minority_girl') && p.age >= 6, attendance: 0.6, serviceTypes: ['counselling', 'capacity_building'], perVillage: false, minutes: 120 });
    }
    for (const month of [3, 6, 9, 12]) {
      on(`${year}-${String(month).padStart(2, '0')}-${String(rng.int(10, 20)).padStart(2, '0')}`, { name: '「蓝马甲」志愿者智能手机和防诈骗学习小组', audience: elders, attendance: 0.12, serviceTypes: ['digital_skills', 'anti_fraud'], perVillage: true, minutes: 90 });
    }
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// The year of one station

class StationYear {
  readonly drafts: Draft[] = [];
  private readonly workerOfVillage = new Map<string, string>();
  private readonly closedDays = new Set<string>();
  private readonly lasting = new Map<string, Set<string>>();

  constructor(
    private readonly rng: Rng,
    private readonly input: HistoryStationInput,
    private readonly people: readonly HistoryPerson[],
    private readonly now: Date,
    private readonly today: string,
    private readonly from: string,
    private readonly festivals: readonly Festival[],
  ) {
    input.villageIds.forEach((villageId, i) => this.workerOfVillage.set(villageId, input.villageWorkers?.[villageId] ?? input.staff.workerIds[i % input.staff.workerIds.length]!));
    // The Spring Festival holiday: no routine work for a week.
    for (const festival of festivals.filter((f) => f.key === 'spring_festival')) {
      for (let i = -1; i < 7; i++) this.closedDays.add(addDays(festival.day, i));
    }
  }

  /** The last day with records: yesterday (today's work is not yet written up). */
  private get lastDay(): string {
    return addDays(this.today, -1);
  }

  /** The first day of work to the contact plans. */
  private get planFrom(): string {
    return addDays(this.today, -CONTACT_PLANS_SINCE_DAYS);
  }

  routine(): void {
    for (const person of this.people) {
      const cadence = CADENCE[person.profile][person.risk ?? 'low'];
      // People with a contact plan are worked to it from `planFrom` on (plannedContacts).
      const planned = planOf(person) !== null;
      const until = planned ? addDays(this.planFrom, -1) : this.lastDay;
      const adherence = planned ? ADHERENCE_BEFORE_PLANS : ADHERENCE;
      for (const [kind, every] of Object.entries(cadence) as [Exclude<ServiceKind, 'group'>, number][]) {
        let day = addDays(this.from, this.rng.int(0, every));
        while (day <= until) {
          const holidayBoost = person.profile === 'left_behind_child' && kind === 'home_visit' && inSchoolHoliday(day) ? 0.6 : 1;
          const winterBoost = person.age >= 60 && kind === 'home_visit' && inHeatingSeason(day) ? 0.85 : 1;
          const workday = this.workday(day, kind === 'home_visit' && person.age < 18 ? 0.3 : 0.1);
          if (workday && this.rng.chance(adherence)) this.add(person, kind, workday, { kind: 'routine' }, this.typesFor(person, kind, workday));
          day = addDays(day, Math.max(3, Math.round(every * holidayBoost * winterBoost * (0.75 + this.rng.float() * 0.5))));
        }
      }
    }
  }

  festivalContacts(): void {
    for (const festival of this.festivals) {
      if (festival.day > this.lastDay) continue;
      for (const person of this.people) {
        const plan = this.festivalPlan(festival, person);
        if (!plan) continue;
        // Greetings go out on the day itself, holiday or not.
        const day = this.workday(addDays(festival.day, plan.offset), 1, true);
        if (!day || day > this.lastDay) continue;
        this.add(person, plan.kind, day, { kind: 'festival', festival }, plan.types);
      }
    }
  }

  private festivalPlan(festival: Festival, p: HistoryPerson): { kind: ServiceKind; offset: number; types: ServiceTypeCode[] } | null {
    const r = this.rng;
    const special = p.profile === 'elder_special';
    const elder = p.age >= 60 && p.profile !== 'none';
    switch (festival.key) {
      case 'spring_festival':
        if ((special || p.groups.has('extreme_poverty')) && r.chance(0.85)) return { kind: 'home_visit', offset: -r.int(3, 14), types: ['material_aid', 'companionship'] };
        if (p.profile === 'left_behind_child' && p.risk !== 'low' && r.chance(0.6)) return { kind: 'home_visit', offset: -r.int(3, 14), types: ['material_aid', 'safety_education'] };
        if (p.profile === 'child_in_difficulty' && r.chance(0.7)) return { kind: 'home_visit', offset: -r.int(3, 14), types: ['material_aid', 'companionship'] };
        if (elder && r.chance(0.5)) return { kind: 'phone', offset: -r.int(0, 1), types: ['companionship'] };
        return null;
      case 'losar':
        if (elder && p.ethnicity === 'tibetan' && r.chance(0.7)) return { kind: 'phone', offset: -r.int(0, 1), types: ['companionship'] };
        return null;
      case 'dragon_boat':
        if (special && r.chance(0.25)) return { kind: 'home_visit', offset: -r.int(0, 3), types: ['material_aid', 'companionship'] };
        return null;
      case 'mid_autumn':
        if ((special || p.groups.has('extreme_poverty')) && r.chance(0.45)) return { kind: 'home_visit', offset: -r.int(1, 5), types: ['material_aid', 'companionship'] };
        // Every elder in special difficulty is called for the festival (the station's Mid-Autumn campaign), other elders now and then.
        if (elder && r.chance(special ? 0.92 : 0.4)) return { kind: 'phone', offset: -r.int(0, 1), types: ['companionship'] };
        if (p.profile === 'left_behind_child' && r.chance(0.3)) return { kind: 'online', offset: 0, types: ['companionship'] };
        return null;
      case 'double_ninth':
        // The Elders' Day campaign: every elder visited in the fortnight before, with the station's gifts.
        if (careAudienceOf([...p.groups]) === 'elder' && r.chance(0.95)) return { kind: 'home_visit', offset: -r.int(1, 13), types: ['material_aid', 'companionship'] };
        if (elder && r.chance(0.3)) return { kind: 'phone', offset: 0, types: ['companionship', 'health'] };
        return null;
      case 'elders_day':
        if (p.age >= 80 && r.chance(0.4)) return { kind: 'phone', offset: 0, types: ['companionship', 'policy'] };
        return null;
      default:
        return null;
    }
  }

  groupActivities(): void {
    for (const activity of activitiesOfYear(this.rng, this.from, this.lastDay, this.festivals)) {
      const sessions = activity.perVillage ? this.input.villageIds.map((v) => [v]) : [this.input.villageIds];
      for (const villages of sessions) {
        const minuteOfDay = this.rng.pick([9 * 60 + 30, 14 * 60 + 30]);
        const leader = activity.perVillage ? this.workerOfVillage.get(villages[0]!)! : this.rng.pick(this.input.staff.workerIds);
        const volunteers = this.input.staff.volunteerIds.length > 0 && this.rng.chance(0.6) ? [this.rng.pick(this.input.staff.volunteerIds)] : [];
        for (const person of this.people) {
          if (!villages.includes(person.villageId) || !activity.audience(person) || !this.rng.chance(activity.attendance)) continue;
          this.drafts.push(this.draft(person, 'group', at(activity.day, minuteOfDay), activity.minutes, { kind: 'activity', name: activity.name, observations: activity.observations ?? null }, activity.serviceTypes, [leader], volunteers));
        }
      }
    }
  }

  caseServices(requests: readonly CaseServiceRequest[]): void {
    for (const request of requests) {
      const span = Math.max(1, daysBetween(request.from, request.to));
      const progress = (day: string) => Math.min(1, Math.max(0, daysBetween(request.from, day) / span));
      for (const goal of request.goals) {
        let day = addDays(request.from, this.rng.int(0, Math.min(goal.everyDays, 10)));
        while (day <= request.to && day <= this.lastDay) {
          const workday = this.workday(day, 0.2);
          if (workday && workday <= request.to && workday <= this.lastDay && this.rng.chance(0.9)) {
            const handsOn = goal.serviceTypes.some((type) => HANDS_ON.has(type));
            const kind = handsOn ? 'home_visit' : this.rng.weighted<ServiceKind>([['home_visit', 65], ['phone', 25], ['office', 10]]);
            const draft = this.add(request.person, kind, workday, { kind: 'case', goal: goal.short }, [...goal.serviceTypes], request.workerId);
            draft.caseId = request.caseId;
            draft.goalIds = [goal.id];
            // People in a case do better as it goes on.
            if (draft.wellbeing !== null) draft.wellbeing = Math.min(draft.findings.length > 0 ? 3 : 5, Math.max(1, Math.round(2.6 + progress(workday) * 1.3 + (this.rng.float() - 0.5))));
          }
          day = addDays(day, Math.max(4, Math.round(goal.everyDays * (0.8 + this.rng.float() * 0.6))));
        }
      }
    }
  }

  /**
   * From `planFrom` on, people in care groups are called and visited as their plan asks: a few
   * days before a contact falls due, on a workday. Whatever counts for the care module resets
   * the clock (a festival visit, a case's visit, a call; a visit is a call too), so nothing is
   * done twice. Contacts already overdue when the plans began are caught up over the first
   * three weeks. With a few people the worker has fallen behind lately.
   */
  plannedContacts(): void {
    const counted = new Map<string, { day: string; visit: boolean }[]>();
    for (const draft of this.drafts) {
      if (draft.kind !== 'phone' && draft.kind !== 'online' && draft.kind !== 'home_visit') continue;
      const list = counted.get(draft.person.id) ?? [];
      list.push({ day: shanghaiDay(draft.startedAt), visit: draft.kind === 'home_visit' });
      counted.set(draft.person.id, list);
    }
    const planned = this.people.filter((p) => planOf(p) !== null);
    const behind = new Set(this.rng.sample(planned, Math.round(planned.length * PLAN_BEHIND_SHARE)).map((p) => p.id));
    for (const person of planned) {
      const plan = planOf(person)!;
      const own = (counted.get(person.id) ?? []).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
      const before = own.filter((c) => c.day < this.planFrom);
      const after = own.filter((c) => c.day >= this.planFrom);
      const target = (last: string | null | undefined, every: number | null): string | null => {
        if (!every) return null;
        const due = last ? addDays(last, every) : this.planFrom;
        if (due < this.planFrom) return addDays(this.planFrom, this.rng.int(0, 20));
        return addDays(due, -this.rng.int(0, Math.floor(every / 5)));
      };
      let visitOn = target(before.filter((c) => c.visit).at(-1)?.day, plan.home_visit);
      let callOn = target(before.at(-1)?.day, plan.phone);
      const stop = addDays(this.lastDay, behind.has(person.id) ? -this.rng.int(5, 25) : 0);
      let next = 0;
      for (let day = this.planFrom; day <= stop; day = addDays(day, 1)) {
        let done: { day: string; visit: boolean } | null = null;
        if (next < after.length && after[next]!.day <= day) {
          done = after[next++]!;
        } else if (visitOn && day >= visitOn) {
          const on = this.workday(day, 0.1);
          if (on && on <= this.lastDay) {
            this.add(person, 'home_visit', on, { kind: 'routine' }, this.typesFor(person, 'home_visit', on));
            done = { day: on, visit: true };
          }
        } else if (callOn && day >= callOn && !(visitOn && visitOn <= addDays(day, 3))) {
          const kind = person.age < 18 && this.rng.chance(0.2) ? 'online' : 'phone';
          const on = this.workday(day, 0.1);
          if (on && on <= this.lastDay) {
            this.add(person, kind, on, { kind: 'routine' }, this.typesFor(person, kind, on));
            done = { day: on, visit: false };
          }
        }
        if (!done) continue;
        if (done.visit) visitOn = target(done.day, plan.home_visit);
        callOn = target(done.day, plan.phone);
      }
    }
  }

  /**
   * A handful of elders whose latest home visit found their heating unsafe, and a few whose food
   * was short: what a manager's "who needs help before winter" list should find.
   */
  latestConcerns(): void {
    const latestVisit = new Map<string, Draft>();
    for (const draft of this.drafts) {
      if (draft.kind !== 'home_visit' || !draft.checklist) continue;
      const seen = latestVisit.get(draft.person.id);
      if (!seen || seen.startedAt < draft.startedAt) latestVisit.set(draft.person.id, draft);
    }
    const elders = this.people.filter((p) => p.profile === 'elder_special' && latestVisit.has(p.id));
    const heating = Math.max(2, Math.round(elders.length / 18));
    const food = Math.max(1, Math.round(elders.length / 30));
    const chosen = this.rng.sample(elders, heating + food);
    chosen.forEach((person, i) => {
      const draft = latestVisit.get(person.id)!;
      const item = i < heating ? 'home_safety.heating' : 'money.food';
      const { checklist, findings } = checklistFor(this.rng, person, shanghaiDay(draft.startedAt), this.lastingOf(person), [item]);
      draft.checklist = checklist;
      draft.findings = findings;
      draft.followUpOn = addDays(shanghaiDay(draft.startedAt), this.rng.int(2, 7));
      if (draft.wellbeing !== null && draft.wellbeing > 3) draft.wellbeing = 3;
    });
  }

  // -------------------------------------------------------------------------------------------

  /** The day moved off the weekend and the Spring Festival holiday (mostly), or null when the contact is dropped. */
  private workday(day: string, weekendChance: number, evenOnHoliday = false): string | null {
    let result = day;
    const dow = weekday(result);
    if ((dow === 0 || dow === 6) && !this.rng.chance(weekendChance)) result = addDays(result, dow === 6 ? -1 : 1);
    if (this.closedDays.has(result) && !evenOnHoliday) return null;
    return result < this.from ? null : result;
  }

  private typesFor(p: HistoryPerson, kind: ServiceKind, day: string): ServiceTypeCode[] {
    const r = this.rng;
    const types = new Set<ServiceTypeCode>();
    switch (p.profile) {
      case 'elder_special':
      case 'elder':
        types.add('companionship');
        if (r.chance(kind === 'home_visit' ? 0.5 : 0.3)) types.add('health');
        if (kind === 'home_visit' && (p.selfCare !== 'independent' || p.living === 'alone') && r.chance(0.45)) types.add('daily_care');
        if (r.chance(0.1)) types.add('policy');
        if (kind === 'home_visit' && r.chance(0.08)) types.add(r.pick<ServiceTypeCode>(['digital_skills', 'anti_fraud']));
        if (kind === 'phone' && r.chance(0.06)) types.add('anti_fraud');
        if (kind === 'home_visit' && inHeatingSeason(day) && r.chance(0.06)) types.add('material_aid');
        if (p.risk === 'high' && r.chance(0.12)) types.add('counselling');
        break;
      case 'left_behind_child':
      case 'child_in_difficulty':
      case 'child':
        if (kind === 'phone') {
          types.add(r.chance(0.6) ? 'companionship' : 'safety_education');
          if (r.chance(0.2)) types.add('tutoring');
        } else {
          const school = p.age >= 6;
          if (school && r.chance(inSchoolHoliday(day) ? 0.75 : 0.6)) types.add('tutoring');
          if (r.chance(0.45)) types.add('safety_education');
          if (r.chance(0.45) || types.size === 0) types.add('companionship');
          if (p.profile === 'child_in_difficulty' && r.chance(0.2)) types.add(r.pick<ServiceTypeCode>(['policy', 'material_aid', 'resource_linking']));
          if (p.risk === 'high' && r.chance(0.15)) types.add('counselling');
        }
        break;
      case 'disabled':
        types.add(r.pick<ServiceTypeCode>(['health', 'policy', 'companionship']));
        if (r.chance(0.35)) types.add(r.pick<ServiceTypeCode>(kind === 'home_visit' ? ['resource_linking', 'daily_care', 'policy'] : ['resource_linking', 'policy']));
        break;
      case 'woman':
        types.add(r.pick<ServiceTypeCode>(['capacity_building', 'policy', 'counselling']));
        if (r.chance(0.3)) types.add('resource_linking');
        break;
      case 'needy_adult':
        types.add('policy');
        if (r.chance(0.35)) types.add(r.pick<ServiceTypeCode>(['resource_linking', 'capacity_building', 'material_aid']));
        break;
      case 'none':
        types.add('companionship');
        break;
    }
    if (kind !== 'home_visit') {
      // Goods, chores and a phone lesson need someone there; homework help over the phone is a check on it (REMOTE_CONTENT).
      for (const type of HANDS_ON) if (type !== 'tutoring') types.delete(type);
      if (types.size === 0) types.add(p.age < 18 ? 'companionship' : 'policy');
    }
    return [...types];
  }

  private add(person: HistoryPerson, kind: ServiceKind, day: string, occasion: Occasion, serviceTypes: ServiceTypeCode[], worker?: string): Draft {
    const r = this.rng;
    // Children are at school on term weekdays: seen after school, called in the evening when parents are off work.
    const schoolDay = person.age >= 6 && person.age < 18 && weekday(day) !== 0 && weekday(day) !== 6 && !inSchoolHoliday(day);
    const minuteOfDay =
      kind === 'phone' ? (person.age < 18 && r.chance(0.3) ? r.int(19 * 60, 20 * 60 + 30) : r.pick([r.int(9 * 60, 11 * 60 + 40), r.int(14 * 60 + 30, 17 * 60 + 50)]))
      : kind === 'home_visit' && schoolDay ? r.int(16 * 60 + 30, 18 * 60)
      : kind === 'home_visit' ? r.pick([r.int(9 * 60, 11 * 60), r.int(14 * 60 + 30, 16 * 60 + 40)])
      : schoolDay ? r.int(16 * 60 + 30, 17 * 60 + 30)
      : r.int(9 * 60, 17 * 60);
    const primary = worker ?? this.workerFor(person);
    const workerIds = [primary];
    if (kind === 'home_visit' && r.chance(0.18)) {
      const other = r.pick([...this.input.staff.workerIds, this.input.staff.managerId]);
      if (other !== primary) workerIds.push(other);
    }
    const wantsVolunteer = serviceTypes.includes('digital_skills') || serviceTypes.includes('anti_fraud') ? 0.7 : serviceTypes.includes('tutoring') ? 0.3 : serviceTypes.includes('daily_care') ? 0.15 : 0.03;
    const volunteerIds = kind !== 'phone' && this.input.staff.volunteerIds.length > 0 && r.chance(wantsVolunteer) ? [r.pick(this.input.staff.volunteerIds)] : [];
    const [low, high] = DURATION[kind];
    const minutes = kind === 'phone' ? r.int(low, high) : Math.round(r.int(low, high) / 5) * 5;
    const draft = this.draft(person, kind, at(day, minuteOfDay), minutes, occasion, serviceTypes, workerIds, volunteerIds);
    this.drafts.push(draft);
    return draft;
  }

  private lastingOf(person: HistoryPerson): ReadonlySet<string> {
    let lasting = this.lasting.get(person.id);
    if (!lasting) {
      lasting = lastingConcerns(this.rng, person);
      this.lasting.set(person.id, lasting);
    }
    return lasting;
  }

  private workerFor(person: HistoryPerson): string {
    const r = this.rng;
    if (r.chance(0.05)) return this.input.staff.managerId;
    if (r.chance(0.1)) return r.pick(this.input.staff.workerIds);
    return this.workerOfVillage.get(person.villageId) ?? this.input.staff.workerIds[0]!;
  }

  private draft(person: HistoryPerson, kind: ServiceKind, startedAt: Date, durationMinutes: number, occasion: Occasion, serviceTypes: ServiceTypeCode[], workerIds: string[], volunteerIds: string[]): Draft {
    const r = this.rng;
    const day = shanghaiDay(startedAt);
    const base = person.risk === 'high' ? 2.9 : person.risk === 'medium' ? 3.4 : 3.7;
    const visitToElder = kind === 'home_visit' && person.age >= 60;
    const { checklist, findings } = visitToElder ? checklistFor(r, person, day, this.lastingOf(person)) : { checklist: null, findings: [] };
    const drawn = Math.min(5, Math.max(1, Math.round(base + 0.1 + (r.float() + r.float() - 1) * 1.5)));
    // A visit that found trouble rarely finds the person doing well.
    const wellbeing = kind === 'group' && r.chance(0.3) ? null : findings.length > 0 ? Math.min(drawn, 3) : drawn;
    const followUp = (wellbeing !== null && wellbeing <= 2 && r.chance(0.6)) || (findings.length > 0 && r.chance(0.45)) || r.chance(0.03);
    const festival = occasion.kind === 'festival' ? occasion.festival : null;
    const withGoods = serviceTypes.includes('material_aid');
    const audience = audienceOf(person);
    const goodsChoices = GOODS.filter((g) => (!g.when || g.when(festival, day)) && (!g.audience || g.audience === audience));
    const seasonal = GOODS.filter((g) => g.when && g.when(festival, day) && (!g.audience || g.audience === audience));
    const goods = withGoods ? r.pick(seasonal.length > 0 && r.chance(0.8) ? seasonal : goodsChoices) : null;
    return {
      person,
      kind,
      serviceTypes,
      startedAt,
      durationMinutes,
      workerIds,
      volunteerIds,
      wellbeing,
      followUpOn: followUp ? addDays(day, r.int(3, 14)) : null,
      checklist,
      findings,
      goods: goods?.goods ?? null,
      caseId: null,
      goalIds: [],
      occasion,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Summaries, composed in the station's time order so that no two in a row read the same.

  finish(): ServiceInsert[] {
    // Ids first (a record's id is made when it is written up), so the order is the lists' own: by start, then id.
    const stamped = this.drafts
      .filter((d) => d.startedAt.getTime() + d.durationMinutes * 60_000 <= this.now.getTime())
      .map((draft) => {
        const recordedAt = new Date(Math.min(this.now.getTime() - 60_000, draft.startedAt.getTime() + (draft.durationMinutes + this.rng.int(10, 36 * 60)) * 60_000));
        return { draft, recordedAt, id: this.rng.uuid(recordedAt) };
      })
      .sort((a, b) => a.draft.startedAt.getTime() - b.draft.startedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const lastOfPerson = new Map<string, string>();
    let previous = '';
    return stamped.map(({ draft, recordedAt, id }) => {
      let summary = this.summary(draft);
      for (let tries = 0; (summary === previous || summary === lastOfPerson.get(draft.person.id)) && tries < 50; tries++) summary = this.summary(draft);
      previous = summary;
      lastOfPerson.set(draft.person.id, summary);
      return this.row(draft, summary, id, recordedAt);
    });
  }

  private summary(d: Draft): string {
    const r = this.rng;
    const audience = audienceOf(d.person);
    const day = shanghaiDay(d.startedAt);
    const parts: string[] = [];
    const festival = d.occasion.kind === 'festival' ? d.occasion.festival : null;
    if (d.occasion.kind === 'activity') parts.push(`参加${d.occasion.name}，`);
    else {
      if (festival) parts.push(`${festival.name}${d.kind === 'phone' ? '前后' : '前夕'}，`);
      if (d.occasion.kind === 'case') parts.push(`按个案服务计划（${d.occasion.goal}），`);
      if (d.kind !== 'group') parts.push(festival && d.kind === 'phone' ? r.pick(['电话送去节日问候，', '打电话给老人拜节，', '电话问候老人过节安排，']) : r.pick(this.openings(d)));
    }
    if (d.occasion.kind === 'activity') {
      parts.push(r.pick(d.occasion.observations ?? GROUP_OBSERVATIONS[audience]));
    } else {
      for (const type of d.serviceTypes) {
        if (type === 'material_aid') {
          const goods = GOODS.find((g) => g.goods === d.goods);
          parts.push(goods ? goods.text : '送去慰问物资。');
          continue;
        }
        const remote = d.kind === 'phone' || d.kind === 'online';
        const seasonal = SEASONAL.filter((s) => s.type === type && s.audience === audience && s.remote === remote && s.when(day)).map((s) => s.text);
        const list = remote && REMOTE_CONTENT[type] ? REMOTE_CONTENT[type] : CONTENT[type];
        const texts = [...(list[audience] ?? list.adult ?? list.elder ?? []), ...seasonal, ...seasonal];
        if (texts.length > 0) parts.push(r.pick(texts));
      }
    }
    if (d.findings.length > 0) parts.push(`入户查看发现：${d.findings.join('；')}，已${r.pick(['当场提醒并告知村委会', '记录在案并联系家属', '提醒老人注意并报村里协调'])}。`);
    if (d.wellbeing !== null && d.occasion.kind !== 'activity') {
      const findings = (d.kind === 'phone' || d.kind === 'online' ? REMOTE_FINDINGS[audience] : undefined) ?? FINDINGS[audience];
      parts.push(r.pick(findings[d.wellbeing] ?? findings[3]!));
    }
    if (d.followUpOn) parts.push(r.pick(FOLLOW_UPS).replace('{n}', String(daysBetween(day, d.followUpOn))));
    return parts.join('').replace(/，$/, '。');
  }

  /** Openings that fit the hour and the day: 放学后 on a school day, 周末 at the weekend, 晚上 in the evening. */
  private openings(d: Draft): string[] {
    const day = shanghaiDay(d.startedAt);
    const minute = Math.round((d.startedAt.getTime() - at(day, 0).getTime()) / 60_000);
    const weekend = weekday(day) === 0 || weekday(day) === 6;
    const kind = d.kind === 'group' ? 'office' : d.kind;
    const fitting = OPENINGS[kind][audienceOf(d.person)].filter(
      (text) => (!text.includes('晚上') || minute >= 18 * 60) && (!text.includes('周末') || weekend) && (!text.includes('放学后') || (!weekend && !inSchoolHoliday(day) && minute >= 16 * 60)),
    );
    return fitting.length > 0 ? fitting : ['入户走访，'];
  }

  private row(d: Draft, summary: string, id: string, recordedAt: Date): ServiceInsert {
    const concerns = concernsOf(d.checklist);
    const content = {
      personId: d.person.id,
      kind: d.kind,
      serviceTypes: d.serviceTypes,
      startedAt: d.startedAt.toISOString(),
      durationMinutes: d.durationMinutes,
      summary,
      caseId: d.caseId,
      goalIds: d.goalIds,
      workerIds: d.workerIds,
      volunteerIds: d.volunteerIds,
      wellbeing: d.wellbeing,
      followUpNeeded: d.followUpOn !== null,
      followUpOn: d.followUpOn,
      checklist: d.checklist,
      goods: d.goods,
    };
    return {
      id,
      createdAt: recordedAt,
      updatedAt: recordedAt,
      version: 1,
      stationId: this.input.id,
      personId: d.person.id,
      villageId: d.person.villageId,
      caseId: d.caseId,
      taskId: null,
      kind: d.kind,
      serviceTypes: d.serviceTypes,
      reportTypes: reportTypes(d.serviceTypes),
      startedAt: d.startedAt,
      durationMinutes: d.durationMinutes,
      summary,
      goalIds: d.goalIds,
      workerIds: d.workerIds,
      volunteerIds: d.volunteerIds,
      servedBy: [...new Set([...d.workerIds, ...d.volunteerIds])],
      wellbeing: d.wellbeing,
      followUpNeeded: d.followUpOn !== null,
      followUpOn: d.followUpOn,
      checklist: storedChecklist(d.checklist),
      concerns,
      goods: d.goods,
      contentHash: contentHash(content),
      recordedBy: d.workerIds[0]!,
    };
  }
}

// ---------------------------------------------------------------------------------------------

/** The year's records and cases of every station: pure, so a test can compare two runs. */
export function planDemoHistory(input: DemoHistoryInput): DemoHistoryPlan {
  const today = shanghaiDay(input.now);
  const from = addDays(today, -365);
  const festivals = festivalsBetween(addDays(from, -30), today);
  const plan: DemoHistoryPlan = { services: [], cases: [], caseEvents: [] };
  input.stations.forEach((station, index) => {
    const rng = new Rng(input.seed * 31 + index);
    const people = historyPeople(station.households, today);
    const planned = planStationCases(rng, {
      stationId: station.id,
      people,
      staff: station.staff,
      now: input.now,
      today,
      perStage: station.casesPerStage,
      overdueReviews: station.overdueReviews,
      pendingCloseRequests: station.pendingCloseRequests,
      closureReasons: station.closureReasons,
    });
    const year = new StationYear(rng, station, people, input.now, today, from, festivals);
    year.routine();
    year.festivalContacts();
    year.groupActivities();
    year.caseServices(planned.services);
    year.plannedContacts();
    year.latestConcerns();
    plan.services.push(...year.finish());
    plan.cases.push(...planned.cases);
    plan.caseEvents.push(...planned.events);
  });
  return plan;
}

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Inserts a planned history; `tx` should be the demo loader's transaction. Cases first: records name them. */
export async function insertDemoHistory(tx: Ctx, plan: DemoHistoryPlan): Promise<LoadedHistory> {
  await insertChunked(plan.cases, (chunk) => tx.db.insert(cases).values(chunk));
  await insertChunked(plan.caseEvents, (chunk) => tx.db.insert(caseEvents).values(chunk));
  await insertChunked(plan.services, (chunk) => tx.db.insert(serviceRecords).values(chunk));
  return { services: plan.services.length, cases: plan.cases.length, caseEvents: plan.caseEvents.length };
}

/** Plans and inserts the demo township's year of history. */
export async function loadDemoHistory(tx: Ctx, input: DemoHistoryInput): Promise<LoadedHistory> {
  return insertDemoHistory(tx, planDemoHistory(input));
}
