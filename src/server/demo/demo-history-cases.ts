import { CASE_REVIEW_DAYS, ETHNICITIES, type CaseSource, type CaseStage, type ClosureReason, type GoalResult, type NeedTypeCode, type RiskLevel, type ServiceTypeCode } from '../../shared/codes';
import type { AssessmentDocument, ClosureDocument, EvaluationDocument, IntakeDocument, PlanDocument, Referral } from '../../shared/schemas/cases';
import type { caseEvents, cases } from '../db/schema/index';
import { addDays, at, type HistoryPerson, type Rng } from './demo-history-support';

/**
 * The demo township's casework (个案): cases at every stage of MZ/T 094-2017 on residents who
 * plausibly need one, with their documents, history and reviews. EVERYTHING HERE IS INVENTED:
 * the problems, plans and words are composed from the fragments below for synthetic residents.
 *
 * Every document of a stage a case has passed is complete (a transition would demand it); the
 * document of the stage a case is in may be a draft.
 */

export type CaseInsert = typeof cases.$inferInsert;
export type CaseEventInsert = typeof caseEvents.$inferInsert;

/** The service records a case at intervention or later has: made by demo-history.ts with its summaries. */
export interface CaseServiceRequest {
  person: HistoryPerson;
  caseId: string;
  workerId: string;
  /** First and last day of the intervention (inclusive). */
  from: string;
  to: string;
  goals: { id: string; short: string; serviceTypes: ServiceTypeCode[]; everyDays: number }[];
}

export interface PlannedCases {
  cases: CaseInsert[];
  events: CaseEventInsert[];
  services: CaseServiceRequest[];
}

export interface CaseStaff {
  managerId: string;
  workerIds: readonly string[];
}

const STAGES: CaseStage[] = ['intake', 'assessment', 'planning', 'intervention', 'evaluation', 'closed'];

// ---------------------------------------------------------------------------------------------
// Templates: what kind of case a resident's situation calls for, and its documents' words.

interface GoalTemplate {
  short: string;
  description: string;
  measure: string;
  interventions: { serviceType: ServiceTypeCode; who: string; frequency: string; everyDays: number }[];
  met: string;
  partly: string;
}

interface CaseTemplate {
  key: string;
  fits(p: HistoryPerson): boolean;
  sources: CaseSource[];
  presentingProblem(p: HistoryPerson): string;
  basicSituation(p: HistoryPerson): string;
  problems: string[];
  needs: NeedTypeCode[];
  strengths: string;
  risks: string;
  familySupport(p: HistoryPerson): string;
  socialSupport(p: HistoryPerson): string;
  goals: GoalTemplate[];
  clientView: string;
  workerView: string;
  summary: string;
  followUpPlan: string;
  referral: { to: string; reason: string; materialsSent: string; outcome: string };
}

const ethnicityOf = (p: HistoryPerson) => ETHNICITIES[p.ethnicity]['zh-CN'];
const genderWord = (p: HistoryPerson) => (p.gender === 'male' ? '男' : '女');
const elderWord = (p: HistoryPerson) => (p.gender === 'male' ? '爷爷' : '奶奶');

function healthPhrase(p: HistoryPerson): string {
  switch (p.health) {
    case 'serious_illness':
      return '患有较重的慢性病（心脑血管疾病），近一年住院两次';
    case 'chronic_illness':
      return '患高血压、慢性支气管炎，需长期服药';
    case 'disabled':
      return `持有${p.disabilityType ?? '肢体'}残疾证（${p.disabilityGrade ?? 3}级）`;
    default:
      return '身体尚可，偶有腰腿疼';
  }
}

function livingPhrase(p: HistoryPerson): string {
  if (p.living === 'alone') return '独自居住';
  if (p.living === 'with_spouse') return '与老伴同住';
  if (p.living === 'with_children') return '与子女同住';
  return '与亲属同住';
}

function benefitsPhrase(p: HistoryPerson): string {
  const parts: string[] = [];
  if (p.groups.has('extreme_poverty')) parts.push('享受特困人员分散供养');
  else if (p.groups.has('low_income')) parts.push('享受农村低保');
  if (p.age >= 80) parts.push('领取高龄津贴');
  if (p.groups.has('disabled')) parts.push('领取残疾人补贴');
  return parts.length > 0 ? `${parts.join('，')}。` : '除养老金外无其他固定收入。';
}

function childrenAwayPhrase(p: HistoryPerson): string {
  if (p.groups.has('solitary_elder') || p.childrenAway === 0) return '无子女可以依靠，侄子住在邻村，偶尔来看望';
  return `有${['', '一', '两', '三', '四'][Math.min(p.childrenAway, 4)]}名子女在外务工，平时很少回家`;
}

function guardianPhrase(p: HistoryPerson): string {
  return p.guardianRelation ? `由${p.guardianRelation}照顾` : '由亲属照顾';
}

const TEMPLATES: CaseTemplate[] = [
  {
    key: 'elder_care',
    fits: (p) => p.profile === 'elder_special' && (p.living === 'alone' || (p.selfCare !== null && p.selfCare !== 'independent')),
    sources: ['village', 'home_visit'],
    presentingProblem: (p) =>
      `${elderWord(p)}${p.age}岁，${livingPhrase(p)}，${p.selfCare === 'unable' ? '基本不能自理，吃饭靠邻居帮忙' : p.selfCare === 'partly' ? '行动不便，做饭、打扫越来越吃力' : '近来常忘记吃药，屋里很久没打扫'}，村委会反映其生活照料缺人。`,
    basicSituation: (p) =>
      `${ethnicityOf(p)}，${genderWord(p)}，${p.age}岁，${livingPhrase(p)}；${childrenAwayPhrase(p)}。${healthPhrase(p)}。${benefitsPhrase(p)}住老旧土木结构平房，冬季靠煤炉和土炕取暖。`,
    problems: ['日常生活照料不足，饮食不规律', '慢性病用药不规律，长期未复查', '独居缺少照应，有跌倒和突发疾病无人发现的风险'],
    needs: ['daily_care', 'healthcare', 'companionship'],
    strengths: '老人性格开朗，愿意接受帮助；邻居和村干部热心，愿意日常照看；村卫生室离家较近。',
    risks: '行动不便且独居，存在跌倒、煤气中毒和突发疾病无人发现的风险；饮食不规律可能加重病情。',
    familySupport: (p) => (p.childrenAway > 0 ? '子女在外务工，每月打一两次电话，逢年过节回家，经济上给予少量支持，无法日常照料。' : '无子女，亲属住得较远，只能偶尔探望。'),
    socialSupport: (p) => `${benefitsPhrase(p)}村医每季度随访一次；邻居每天隔墙问候；村里有“邻里互助”志愿者。`,
    goals: [
      {
        short: '生活照料',
        description: '老人日常生活得到规律照料，居室整洁、三餐规律',
        measure: '每周至少上门照料一次，照料记录完整；老人自述三餐规律',
        interventions: [
          { serviceType: 'daily_care', who: '社工、蓝马甲志愿者', frequency: '每周一次', everyDays: 7 },
          { serviceType: 'companionship', who: '社工', frequency: '每周电话问候两次', everyDays: 7 },
        ],
        met: '每周照料按时开展，居室整洁，老人三餐规律。',
        partly: '照料基本按计划开展，但农忙时有两周中断，老人偶尔仍不按时吃饭。',
      },
      {
        short: '用药与复查',
        description: '老人按时服药、定期复查',
        measure: '服药记录无漏服；每季度到卫生院复查一次',
        interventions: [
          { serviceType: 'health', who: '社工、村医', frequency: '每两周一次', everyDays: 14 },
          { serviceType: 'policy', who: '社工', frequency: '一次（协助办理慢性病门诊认定）', everyDays: 60 },
        ],
        met: '老人使用分格药盒后未再漏服，已按期复查，慢性病门诊认定已办好。',
        partly: '用药规律有改善，但复查只去了一次。',
      },
      {
        short: '居家安全',
        description: '消除居家安全隐患，老人遇险能及时求助',
        measure: '煤炉烟道修好并安装一氧化碳报警器；老人会使用一键呼叫',
        interventions: [{ serviceType: 'resource_linking', who: '社工、村委会', frequency: '一个月内完成', everyDays: 30 }],
        met: '烟道已修好，报警器和一键呼叫已装好，老人会用。',
        partly: '报警器已安装，烟道改造等待村里统一施工。',
      },
    ],
    clientView: '老人说：“你们常来，我心里踏实多了，药也不忘吃了。”',
    workerView: '老人生活照料和用药基本稳定，居家安全隐患已消除；仍需纳入特殊困难老人每月探访。',
    summary: '经过个案服务，老人的日常照料、用药和居家安全得到改善，邻里互助关系已建立，老人情绪稳定。',
    followUpPlan: '转入常规关爱：每两周电话问候一次，每月入户探访一次；冬季重点检查取暖安全。',
    referral: { to: '天祝县第二人民医院', reason: '老人病情加重，需要专科诊治和住院治疗', materialsSent: '个案基本情况、近期健康记录', outcome: '医院已收治，出院后由社工继续随访' },
  },
  {
    key: 'elder_loneliness',
    fits: (p) => p.profile === 'elder_special' && p.childrenAway > 0,
    sources: ['home_visit', 'village'],
    presentingProblem: (p) => `${elderWord(p)}近来情绪低落，常一个人坐着发呆，说“活着没意思”；子女都在外地，联系很少。`,
    basicSituation: (p) => `${ethnicityOf(p)}，${genderWord(p)}，${p.age}岁，${livingPhrase(p)}；${childrenAwayPhrase(p)}。${healthPhrase(p)}。${benefitsPhrase(p)}`,
    problems: ['情绪低落，孤独感强', '与子女联系少，亲情支持不足', '很少出门，社会参与少'],
    needs: ['companionship', 'recreation', 'digital_skills'],
    strengths: '老人年轻时是村里的秦腔爱好者，有老姐妹愿意来往；生活基本能自理。',
    risks: '长期情绪低落有抑郁倾向，需警惕自伤念头；冬季少出门，孤独感加重。',
    familySupport: () => '子女在外务工，工作忙，一两个月打一次电话；老人不会用智能手机，无法视频。',
    socialSupport: (p) => `${benefitsPhrase(p)}村里有老年活动室，但老人很少去。`,
    goals: [
      {
        short: '情绪改善',
        description: '老人情绪改善，愿意与人交流',
        measure: '老人情绪自评由“差”提高到“一般”以上；每周至少两次出门与邻居交流',
        interventions: [
          { serviceType: 'counselling', who: '社工', frequency: '每周一次', everyDays: 7 },
          { serviceType: 'companionship', who: '蓝马甲志愿者', frequency: '每周一次', everyDays: 10 },
        ],
        met: '老人情绪明显好转，每天到村口和老姐妹聊天。',
        partly: '情绪有所好转，但阴雨天仍常独自待在家里。',
      },
      {
        short: '亲情联系',
        description: '老人与子女保持每周联系',
        measure: '老人学会视频通话；与子女每周至少通话一次',
        interventions: [
          { serviceType: 'digital_skills', who: '蓝马甲志愿者', frequency: '每周一次，共四次', everyDays: 10 },
          { serviceType: 'resource_linking', who: '社工', frequency: '每月与子女沟通一次', everyDays: 30 },
        ],
        met: '老人已能独立视频通话，子女每周末都会打来。',
        partly: '老人会接视频，但还不会主动拨打，子女来电仍不规律。',
      },
      {
        short: '社会参与',
        description: '老人参加村里的文体活动',
        measure: '每月参加一次村级文体活动',
        interventions: [{ serviceType: 'social_integration', who: '社工', frequency: '每月一次', everyDays: 30 }],
        met: '老人参加了重阳节活动和老年秦腔队排练。',
        partly: '老人参加过一次活动，之后以身体不适推辞。',
      },
    ],
    clientView: '老人说：“现在能在手机上看见孙子了，心里亮堂多了。”',
    workerView: '老人孤独感明显减轻，亲情联系和社区参与逐步建立，需继续关注其冬季情绪变化。',
    summary: '经过个案服务，老人情绪明显改善，学会了视频通话，与子女每周联系，开始参加村里的活动。',
    followUpPlan: '每两周电话问候一次；冬季增加一次入户探访；邀请老人参加老年兴趣小组。',
    referral: { to: '天祝县精神卫生服务中心', reason: '老人抑郁情绪持续，需要专业评估和治疗', materialsSent: '个案评估表、近期服务记录（经老人同意）', outcome: '已完成评估，医生建议门诊随访，社工协助按时复诊' },
  },
  {
    key: 'elder_home_safety',
    fits: (p) => (p.profile === 'elder_special' || p.profile === 'elder') && p.age >= 68,
    sources: ['home_visit'],
    presentingProblem: () => '入户探访发现老人家中煤炉未装烟囱、电线老化裸露，冬季取暖和用电存在安全隐患。',
    basicSituation: (p) => `${ethnicityOf(p)}，${genderWord(p)}，${p.age}岁，${livingPhrase(p)}。${healthPhrase(p)}。${benefitsPhrase(p)}房屋建于上世纪八十年代，电线未改造，冬季烧煤取暖。`,
    problems: ['取暖设施不安全，有一氧化碳中毒风险', '电线老化，有火灾隐患', '老人安全意识不足'],
    needs: ['daily_care', 'policy_access'],
    strengths: '老人愿意配合改造；村委会有危房改造和“暖冬”项目资源；邻居中有电工。',
    risks: '冬季取暖期长达半年，煤气中毒和火灾风险高；老人独处时难以自救。',
    familySupport: (p) => (p.childrenAway > 0 ? '子女在外务工，愿意承担部分改造费用，但无法回来施工。' : '无子女，改造需依靠村里和社会力量。'),
    socialSupport: () => '村委会可申请农村危房改造和适老化改造补助；镇供电所提供免费线路检查。',
    goals: [
      {
        short: '设施改造',
        description: '完成取暖和用电设施改造',
        measure: '烟囱安装、电线更换完成并经供电所检查合格',
        interventions: [
          { serviceType: 'resource_linking', who: '社工、村委会、镇供电所', frequency: '两周内完成', everyDays: 14 },
          { serviceType: 'material_aid', who: '社工', frequency: '一次（取暖煤）', everyDays: 45 },
        ],
        met: '烟囱和电线已改造，供电所检查合格，送去取暖煤一吨。',
        partly: '电线已改造，烟囱等待材料，暂用临时烟道。',
      },
      {
        short: '安全知识',
        description: '老人掌握冬季取暖和用电安全知识',
        measure: '老人能说出三条防中毒要点；家中安装一氧化碳报警器',
        interventions: [{ serviceType: 'safety_education', who: '社工', frequency: '每两周一次', everyDays: 14 }],
        met: '老人能说出开窗通风、封火检查、报警器响了怎么办等要点。',
        partly: '报警器已安装，老人对要点记得不牢，需反复提醒。',
      },
    ],
    clientView: '老人说：“炉子装了烟囱，晚上睡得踏实了。”',
    workerView: '安全隐患已基本消除，老人安全意识提高；取暖季仍需定期检查。',
    summary: '经过个案服务，老人家中取暖和用电隐患已整改，老人掌握了基本安全知识。',
    followUpPlan: '取暖季每月入户检查一次取暖设施；春季检查线路。',
    referral: { to: '安远镇人民政府（危房改造）', reason: '房屋墙体开裂，需纳入危房改造', materialsSent: '房屋照片、入户记录', outcome: '已纳入本年度危房改造计划' },
  },
  {
    key: 'elder_fraud',
    fits: (p) => (p.profile === 'elder' || p.profile === 'elder_special') && p.age < 85,
    sources: ['referral', 'self'],
    presentingProblem: () => '老人接到冒充“医保局”的电话，差点把积蓄转给对方，派出所民警劝阻后转介到社工站。',
    basicSituation: (p) => `${ethnicityOf(p)}，${genderWord(p)}，${p.age}岁，${livingPhrase(p)}。${healthPhrase(p)}。有一部智能手机，只会接打电话。${benefitsPhrase(p)}`,
    problems: ['识别电信诈骗的能力弱', '不会使用智能手机核实信息', '受骗未遂后紧张、自责'],
    needs: ['anti_fraud', 'digital_skills', 'companionship'],
    strengths: '老人警惕性在事件后明显提高，愿意学习；子女支持。',
    risks: '独自在家时接到诈骗电话仍可能上当；自责情绪可能影响睡眠。',
    familySupport: () => '子女在外务工，事件后每周打电话提醒。',
    socialSupport: () => '镇派出所定期开展防诈宣传；“蓝马甲”志愿者可上门教手机使用。',
    goals: [
      {
        short: '识别诈骗',
        description: '老人能识别常见诈骗手法',
        measure: '能说出三种常见诈骗手法及应对方法',
        interventions: [{ serviceType: 'anti_fraud', who: '社工、蓝马甲志愿者', frequency: '每两周一次', everyDays: 14 }],
        met: '老人能说出冒充公检法、医保、保健品三类骗局及应对方法。',
        partly: '老人能识别冒充公检法的电话，对保健品推销仍难拒绝。',
      },
      {
        short: '手机使用',
        description: '老人会用手机与子女视频、核实可疑信息',
        measure: '能独立视频通话并设置紧急联系人',
        interventions: [{ serviceType: 'digital_skills', who: '蓝马甲志愿者', frequency: '每周一次', everyDays: 7 }],
        met: '老人已能独立视频通话，紧急联系人已设置。',
        partly: '老人会接视频，设置需家人帮忙。',
      },
    ],
    clientView: '老人说：“现在陌生电话我先问问儿子，再也不上当了。”',
    workerView: '老人防骗意识和手机使用能力明显提高，情绪已恢复平稳。',
    summary: '经过个案服务，老人掌握了常见诈骗的识别方法，学会了用手机视频核实信息。',
    followUpPlan: '每季度电话回访一次；邀请老人参加“蓝马甲”智能手机学习小组。',
    referral: { to: '天祝县公安局反诈中心', reason: '老人提供了诈骗电话线索', materialsSent: '通话记录截图', outcome: '反诈中心已登记线索并回电致谢' },
  },
  {
    key: 'child_study',
    fits: (p) => p.profile === 'left_behind_child' && p.age >= 7 && p.age <= 15,
    sources: ['village', 'home_visit'],
    presentingProblem: (p) => `孩子${p.age}岁，父母${p.parentsWorkIn ? `在${p.parentsWorkIn}` : '在外'}务工，${guardianPhrase(p)}；监护人不识字，孩子作业常完成不了，成绩下滑。`,
    basicSituation: (p) =>
      `${ethnicityOf(p)}，${genderWord(p)}，${p.age}岁，在读${p.age >= 12 ? '初中' : '小学'}。父母${p.parentsWorkIn ? `在${p.parentsWorkIn}` : '在外'}务工，一年回家一次；${guardianPhrase(p)}，监护人年纪较大，能照顾生活，但无力辅导功课。家中主要收入为务工收入和种植。`,
    problems: ['作业无人辅导，学习困难', '与父母联系少，缺少亲子沟通', '课余时间缺乏安全看护'],
    needs: ['tutoring', 'family_contact', 'safety_education'],
    strengths: '孩子聪明懂事，喜欢画画；祖辈疼爱孩子，愿意配合；班主任关心孩子。',
    risks: '课余时间无人看护，有溺水、交通等安全风险；学习持续落后可能厌学。',
    familySupport: (p) => `父母${p.parentsWorkIn ? `在${p.parentsWorkIn}` : '在外'}务工，每周或每两周打一次电话；监护人能照顾生活，但无力辅导功课。`,
    socialSupport: () => '村儿童主任定期走访；学校实行留守儿童“代理家长”制度；社工站有周末课业辅导志愿者。',
    goals: [
      {
        short: '按时完成作业',
        description: '孩子按时完成家庭作业，成绩稳定',
        measure: '每周作业完成率达到90%以上；期末语文、数学成绩不低于上学期',
        interventions: [{ serviceType: 'tutoring', who: '社工、大学生志愿者', frequency: '每周两次', everyDays: 7 }],
        met: '作业完成率保持在九成以上，期末数学提高了十多分。',
        partly: '作业完成率提高到八成，成绩基本持平。',
      },
      {
        short: '亲子联系',
        description: '孩子与父母保持每周联系',
        measure: '每周至少一次视频通话（社工协助记录）',
        interventions: [{ serviceType: 'companionship', who: '社工', frequency: '每两周一次亲子沟通指导', everyDays: 14 }],
        met: '父母每周日晚上和孩子视频，孩子愿意主动讲学校的事。',
        partly: '视频次数增加，但父母工作忙时仍会中断。',
      },
      {
        short: '安全知识',
        description: '孩子掌握防溺水和交通安全知识',
        measure: '能说出防溺水“六不准”和上下学交通安全要点',
        interventions: [{ serviceType: 'safety_education', who: '社工', frequency: '每月一次', everyDays: 30 }],
        met: '孩子能完整说出防溺水“六不准”，暑假未去河边玩水。',
        partly: '孩子记住了大部分要点，需继续巩固。',
      },
    ],
    clientView: '孩子说：“现在作业不会做有人教了，周末还能和爸爸妈妈视频。”监护人表示满意。',
    workerView: '孩子学习习惯和亲子联系明显改善，安全意识提高；建议继续参加课业辅导小组。',
    summary: '经过个案服务，孩子作业完成情况和成绩改善，与父母建立了每周视频联系，掌握了基本安全知识。',
    followUpPlan: '转入留守儿童常规关爱：每月入户一次；寒暑假参加课业辅导小组；儿童主任每周了解情况。',
    referral: { to: '天祝县未成年人救助保护中心', reason: '监护人病重住院，孩子临时无人照料', materialsSent: '儿童档案、监护情况说明', outcome: '已安排临时照料，监护人出院后孩子回家' },
  },
  {
    key: 'child_emotion',
    fits: (p) => p.profile === 'left_behind_child' && p.age >= 9,
    sources: ['referral', 'village'],
    presentingProblem: () => '孩子近期沉默寡言，多次不愿上学，和监护人顶嘴，班主任向社工站反映。',
    basicSituation: (p) =>
      `${ethnicityOf(p)}，${genderWord(p)}，${p.age}岁，在读${p.age >= 12 ? '初中' : '小学'}${p.age >= 12 ? '，住校' : ''}。父母${p.parentsWorkIn ? `在${p.parentsWorkIn}` : '在外'}务工，${guardianPhrase(p)}。孩子以前成绩中等，本学期明显下滑。`,
    problems: ['情绪低落，有厌学表现', '思念父母，亲子沟通缺失', '监护人管教方式简单'],
    needs: ['psychological', 'family_contact', 'interest_activities'],
    strengths: '孩子喜欢篮球和画画，与班主任关系较好；父母愿意配合增加联系。',
    risks: '厌学可能发展为辍学；情绪问题如不干预可能加重。',
    familySupport: () => '父母在外务工，联系以电话为主，很少视频；监护人以打骂为主要管教方式。',
    socialSupport: () => '班主任和村儿童主任关心孩子；社工站有周末兴趣小组。',
    goals: [
      {
        short: '情绪与上学',
        description: '孩子情绪稳定，正常上学',
        measure: '一个月内无旷课；儿童情绪量表得分改善',
        interventions: [{ serviceType: 'counselling', who: '社工', frequency: '每周一次', everyDays: 7 }],
        met: '孩子已正常上学，情绪量表得分明显改善。',
        partly: '旷课减少，但情绪仍有起伏。',
      },
      {
        short: '亲子沟通',
        description: '改善亲子沟通和监护人管教方式',
        measure: '父母每周与孩子视频一次以上；监护人学会两种正面沟通方法',
        interventions: [
          { serviceType: 'counselling', who: '社工', frequency: '每两周一次家庭会谈', everyDays: 14 },
          { serviceType: 'capacity_building', who: '社工', frequency: '每月一次家庭教育指导', everyDays: 30 },
        ],
        met: '父母每周视频，监护人不再打骂，改为约定和表扬。',
        partly: '视频增加，监护人偶尔仍发脾气。',
      },
      {
        short: '兴趣活动',
        description: '孩子参加兴趣小组，结交朋友',
        measure: '每月参加两次以上兴趣活动',
        interventions: [{ serviceType: 'social_integration', who: '社工、志愿者', frequency: '每月两次', everyDays: 14 }],
        met: '孩子参加了篮球和绘画小组，交到两个好朋友。',
        partly: '孩子参加过几次绘画小组，出勤不稳定。',
      },
    ],
    clientView: '孩子说：“现在不那么想逃学了，周末还能去打篮球。”',
    workerView: '孩子情绪和上学情况明显改善，家庭沟通方式有所转变；需关注升学阶段的压力。',
    summary: '经过个案服务，孩子厌学情绪缓解，亲子沟通和监护人管教方式改善，孩子融入了兴趣小组。',
    followUpPlan: '每月电话回访监护人一次，每学期与班主任沟通一次；继续邀请参加兴趣小组。',
    referral: { to: '天祝县未成年人救助保护中心（心理咨询）', reason: '孩子情绪问题需要专业心理评估', materialsSent: '儿童档案、个案评估表（经监护人同意）', outcome: '已完成心理评估，咨询师每月随访一次' },
  },
  {
    key: 'child_guardianship',
    fits: (p) => (p.profile === 'child_in_difficulty' || (p.profile === 'left_behind_child' && p.risk === 'high')) && p.age >= 6,
    sources: ['village', 'home_visit'],
    presentingProblem: (p) => `孩子${p.age}岁，家庭困难，${guardianPhrase(p)}，监护人照顾力不从心，孩子生活和学习缺少照应，村委会反映需要帮扶。`,
    basicSituation: (p) =>
      `${ethnicityOf(p)}，${genderWord(p)}，${p.age}岁。${guardianPhrase(p)}，${p.groups.has('low_income') ? '家庭享受低保，' : ''}家中收入主要靠种植和零工。孩子衣着单薄，书本不全，监护评估为“一般”偏差。`,
    problems: ['监护人监护能力不足', '家庭经济困难，孩子基本生活保障不足', '孩子安全意识薄弱'],
    needs: ['safety_education', 'psychological', 'tutoring'],
    strengths: '孩子懂事，学习努力；村儿童主任熟悉家庭情况；亲属愿意在农忙时帮忙照看。',
    risks: '监护不到位，孩子独自在家时有安全风险；家庭经济困难可能影响上学。',
    familySupport: () => '监护人年纪大、身体差，能照顾孩子吃住，但管教和辅导有限；亲属偶尔接济。',
    socialSupport: () => '村儿童主任每周走访；学校落实了教育资助；可申请困境儿童基本生活保障。',
    goals: [
      {
        short: '落实保障政策',
        description: '落实困境儿童保障政策',
        measure: '完成困境儿童基本生活保障申请并获批',
        interventions: [
          { serviceType: 'policy', who: '社工、儿童主任', frequency: '一个月内完成', everyDays: 30 },
          { serviceType: 'material_aid', who: '社工', frequency: '每季度一次（学习和生活用品）', everyDays: 45 },
        ],
        met: '困境儿童基本生活保障已获批，每月按时发放。',
        partly: '申请材料已报县民政局，正在审核。',
      },
      {
        short: '提升监护能力',
        description: '提升监护人的监护能力',
        measure: '监护人参加两次家庭教育指导；监护评估由“差”改善为“一般”以上',
        interventions: [{ serviceType: 'capacity_building', who: '社工', frequency: '每月一次', everyDays: 30 }],
        met: '监护人参加了三次家庭教育指导，监护评估改善为“一般”。',
        partly: '监护人参加了一次指导，改变不明显。',
      },
      {
        short: '自我保护',
        description: '孩子掌握自我保护知识',
        measure: '能说出防拐骗、防溺水、用火用电的要点',
        interventions: [{ serviceType: 'safety_education', who: '社工', frequency: '每两周一次', everyDays: 14 }],
        met: '孩子能说出各项安全要点，会拨打求助电话。',
        partly: '孩子掌握了部分要点，需继续巩固。',
      },
    ],
    clientView: '监护人说：“孩子的补助办下来了，社工常来，我们心里有底了。”',
    workerView: '孩子基本生活保障已落实，监护状况有所改善；仍需儿童主任持续关注。',
    summary: '经过个案服务，孩子的困境儿童保障已落实，监护人监护能力提高，孩子安全意识增强。',
    followUpPlan: '儿童主任每周走访；社工每月入户一次；每年复核困境儿童保障。',
    referral: { to: '天祝县未成年人救助保护中心', reason: '监护人无力监护，需要评估临时监护安排', materialsSent: '儿童档案、监护情况评估', outcome: '中心已介入评估，确定由姑姑委托照护' },
  },
  {
    key: 'disability_support',
    fits: (p) => p.groups.has('disabled') && p.age >= 16,
    sources: ['home_visit', 'self'],
    presentingProblem: (p) =>
      `${p.disabilityType ?? '肢体'}残疾${p.disabilityGrade ?? 3}级，家庭照料压力大，尚未申请${(p.disabilityGrade ?? 3) <= 2 ? '重度残疾人护理补贴' : '困难残疾人生活补贴'}，康复训练已中断半年。`,
    basicSituation: (p) =>
      `${ethnicityOf(p)}，${genderWord(p)}，${p.age}岁，持有${p.disabilityType ?? '肢体'}残疾证（${p.disabilityGrade ?? 3}级）。${p.age >= 60 ? livingPhrase(p) : '与年迈的父母同住'}，${p.groups.has('low_income') ? '家庭享受低保，' : ''}收入主要靠种植。`,
    problems: ['应享补贴未申请', '康复训练中断，功能有退化', '家庭照料者负担重'],
    needs: ['policy_access', 'healthcare', 'daily_care'],
    strengths: '服务对象有康复意愿；家人照顾尽心；县残联有辅具和康复资源。',
    risks: '康复中断可能导致功能进一步退化；照料者年老体弱，照料难以为继。',
    familySupport: () => '父母或配偶承担主要照料，年纪渐大，体力不支；亲属偶尔帮忙。',
    socialSupport: () => '县残联可提供辅具和康复服务；乡镇卫生院有康复科；村里有助残志愿者。',
    goals: [
      {
        short: '申请补贴',
        description: '申请应享的残疾人补贴',
        measure: '补贴申请材料齐全并获批',
        interventions: [{ serviceType: 'policy', who: '社工', frequency: '一个月内完成', everyDays: 30 }],
        met: '残疾人补贴已获批，按月发放。',
        partly: '申请已提交县残联，等待审批。',
      },
      {
        short: '恢复康复',
        description: '恢复居家康复训练',
        measure: '每周完成两次居家康复训练；配齐所需辅具',
        interventions: [
          { serviceType: 'health', who: '社工、乡镇卫生院康复师', frequency: '每两周一次', everyDays: 14 },
          { serviceType: 'resource_linking', who: '社工', frequency: '一次（链接辅具）', everyDays: 45 },
        ],
        met: '已配发轮椅和助行器，每周坚持康复训练。',
        partly: '辅具已配发，训练坚持得不稳定。',
      },
      {
        short: '照料者喘息',
        description: '减轻照料者压力',
        measure: '照料者每月有一天喘息时间',
        interventions: [{ serviceType: 'daily_care', who: '助残志愿者', frequency: '每月一次', everyDays: 30 }],
        met: '志愿者每月上门一天，照料者能去镇上办事、休息。',
        partly: '志愿者上门两次，之后因农忙中断。',
      },
    ],
    clientView: '服务对象说：“补贴办下来了，有了轮椅能到院子里晒太阳了。”',
    workerView: '补贴已落实，康复训练恢复，照料压力有所缓解；需关注照料者的身体状况。',
    summary: '经过个案服务，服务对象的残疾人补贴已落实，康复训练恢复，家庭照料压力减轻。',
    followUpPlan: '每月电话回访一次，每季度入户一次；每年协助复核补贴。',
    referral: { to: '天祝县残疾人联合会', reason: '需要专业康复评估和辅具适配', materialsSent: '残疾证复印件、个案评估表', outcome: '县残联已完成评估并配发辅具' },
  },
  {
    key: 'woman_employment',
    fits: (p) => p.profile === 'woman',
    sources: ['self', 'village'],
    presentingProblem: () => '丈夫在外务工，独自在家照顾孩子和老人，想在家门口找份活增加收入，也为孩子的学习发愁。',
    basicSituation: (p) => `${ethnicityOf(p)}，女，${p.age}岁，初中文化。丈夫在外务工，自己在家照顾孩子，种几亩地。家庭收入靠丈夫务工，开支紧张。`,
    problems: ['缺少就业技能，收入单一', '不会辅导孩子学习，亲子关系紧张', '照料负担重，缺少社会交往'],
    needs: ['employment', 'child_education', 'family_health'],
    strengths: '服务对象勤快，会刺绣和做面点；学习意愿强；村里有妇女互助小组。',
    risks: '长期压力大，可能影响身心健康和亲子关系。',
    familySupport: () => '丈夫每月寄钱回家，每周打电话；公婆身体尚可，能帮忙接送孩子。',
    socialSupport: () => '县人社局有免费技能培训；镇妇联有巾帼创业项目；村里有妇女互助小组。',
    goals: [
      {
        short: '技能培训',
        description: '参加就业技能培训，增加收入',
        measure: '完成一期技能培训并取得结业证；有稳定的手工订单',
        interventions: [
          { serviceType: 'capacity_building', who: '社工、县人社局', frequency: '一期（约两周）', everyDays: 14 },
          { serviceType: 'resource_linking', who: '社工、镇妇联', frequency: '每月一次', everyDays: 30 },
        ],
        met: '完成了面点师培训，在镇上的合作社接到稳定订单。',
        partly: '完成了培训，订单还不稳定。',
      },
      {
        short: '家庭教育',
        description: '掌握辅导孩子学习的方法',
        measure: '参加三次家庭教育指导；孩子作业完成情况改善',
        interventions: [{ serviceType: 'capacity_building', who: '社工', frequency: '每月一次', everyDays: 30 }],
        met: '服务对象学会了陪伴学习的方法，孩子作业按时完成。',
        partly: '参加了两次指导，方法还在摸索。',
      },
    ],
    clientView: '服务对象说：“现在自己能挣点钱了，跟孩子说话也不急了。”',
    workerView: '服务对象就业技能和家庭教育能力提高，自信心增强。',
    summary: '经过个案服务，服务对象完成技能培训并获得收入，家庭教育方法改善。',
    followUpPlan: '每季度电话回访一次；邀请参加妇女互助小组活动。',
    referral: { to: '天祝县妇女联合会', reason: '服务对象有意参加巾帼创业项目', materialsSent: '个人基本情况、培训结业证', outcome: '已纳入巾帼创业帮扶名单' },
  },
  {
    key: 'family_hardship',
    fits: (p) => p.profile === 'needy_adult' || (p.profile === 'disabled' && p.age >= 18),
    sources: ['self', 'village'],
    presentingProblem: () => '家中主要劳动力患病，收入减少，孩子上学开支大，担心低保年审不过，向社工站求助。',
    basicSituation: (p) =>
      `${ethnicityOf(p)}，${genderWord(p)}，${p.age}岁。${p.groups.has('low_income') ? '家庭享受农村低保。' : '家庭尚未纳入低保。'}${p.health === 'chronic_illness' ? '本人患慢性病，' : ''}家中靠种植和零工维持，孩子在镇上读书。`,
    problems: ['家庭收入低且不稳定', '不清楚救助政策和申请流程', '家庭成员健康状况差'],
    needs: ['policy_access', 'employment', 'family_health'],
    strengths: '家庭成员团结，愿意劳动；村委会了解并支持。',
    risks: '如遇大病或意外，家庭可能陷入更深困境；孩子可能因经济原因辍学。',
    familySupport: () => '亲属经济条件一般，只能偶尔接济。',
    socialSupport: () => '可申请低保、临时救助和教育资助；县人社局有公益性岗位。',
    goals: [
      {
        short: '落实救助',
        description: '落实低保和临时救助',
        measure: '低保年审通过；临时救助获批',
        interventions: [{ serviceType: 'policy', who: '社工、村委会', frequency: '一个月内完成', everyDays: 30 }],
        met: '低保年审通过，临时救助已到账。',
        partly: '低保年审通过，临时救助仍在审批。',
      },
      {
        short: '增加收入',
        description: '增加家庭收入',
        measure: '家庭成员获得一份稳定工作或公益性岗位',
        interventions: [
          { serviceType: 'resource_linking', who: '社工', frequency: '每月一次', everyDays: 30 },
          { serviceType: 'capacity_building', who: '社工、县人社局', frequency: '一期培训', everyDays: 45 },
        ],
        met: '家庭成员获得村保洁公益性岗位，每月有固定收入。',
        partly: '已报名公益性岗位，等待安排。',
      },
    ],
    clientView: '服务对象说：“救助到了，孩子的学费也不用愁了。”',
    workerView: '家庭基本生活得到保障，收入来源增加；需关注家庭成员的健康。',
    summary: '经过个案服务，家庭的救助政策得到落实，收入有所增加，孩子上学有了保障。',
    followUpPlan: '每季度电话回访；每年协助低保年审。',
    referral: { to: '天祝县医疗保障局', reason: '家庭成员大病医疗费用负担重，需申请医疗救助', materialsSent: '病历、费用清单、低保证明', outcome: '医疗救助已获批' },
  },
  {
    key: 'girl_growth',
    fits: (p) => (p.profile === 'child' || p.profile === 'child_in_difficulty' || p.profile === 'left_behind_child') && p.age >= 8,
    sources: ['village', 'referral'],
    presentingProblem: () => '孩子性格内向，在学校不愿与人交流，成绩中等偏下，家长担心孩子的成长。',
    basicSituation: (p) => `${ethnicityOf(p)}，${genderWord(p)}，${p.age}岁，在读${p.age >= 12 ? '初中' : '小学'}。${guardianPhrase(p)}，家庭经济一般。孩子在家会帮忙做家务，在校很少说话。`,
    problems: ['性格内向，社交退缩', '学习信心不足', '缺少展示自己的机会'],
    needs: ['psychological', 'interest_activities', 'tutoring'],
    strengths: '孩子手巧，会绣花和画画；与妹妹关系好；家长支持参加活动。',
    risks: '长期社交退缩可能影响心理健康和学业。',
    familySupport: () => '家长关心孩子，但不善表达，对孩子要求严格。',
    socialSupport: () => '社工站有「情暖少数民族女孩」项目和手工小组；班主任愿意配合。',
    goals: [
      {
        short: '交往与表达',
        description: '孩子更愿意表达和与人交往',
        measure: '在小组中主动发言；结交两名以上朋友',
        interventions: [
          { serviceType: 'social_integration', who: '社工', frequency: '每两周一次（成长小组）', everyDays: 14 },
          { serviceType: 'counselling', who: '社工', frequency: '每月一次', everyDays: 30 },
        ],
        met: '孩子在小组中主动展示作品，交到了三个好朋友。',
        partly: '孩子愿意在小组中发言，但在班里仍较少说话。',
      },
      {
        short: '学习信心',
        description: '提升学习信心',
        measure: '孩子自评学习信心提高；作业按时完成',
        interventions: [{ serviceType: 'tutoring', who: '志愿者', frequency: '每周一次', everyDays: 7 }],
        met: '孩子作业按时完成，数学小测验进步明显。',
        partly: '作业完成情况改善，成绩变化不大。',
      },
    ],
    clientView: '孩子说：“我喜欢小组里的姐姐们，现在敢在班上举手了。”',
    workerView: '孩子自信心和社交能力明显提高，需继续提供展示机会。',
    summary: '经过个案服务，孩子社交和表达能力提高，学习信心增强。',
    followUpPlan: '继续参加「情暖少数民族女孩」成长小组；每学期与班主任沟通一次。',
    referral: { to: '天祝县妇女联合会（春蕾计划）', reason: '孩子符合春蕾助学条件', materialsSent: '学籍证明、家庭情况说明', outcome: '已纳入春蕾助学' },
  },
];

// ---------------------------------------------------------------------------------------------
// Choosing people and building each case

function needScore(p: HistoryPerson): number {
  const profile: Record<HistoryPerson['profile'], number> = {
    elder_special: 3,
    left_behind_child: 3,
    child_in_difficulty: 3.5,
    disabled: 3,
    needy_adult: 2,
    woman: 2,
    elder: 1.5,
    child: 1.5,
    none: 0,
  };
  const risk = p.risk === 'high' ? 3 : p.risk === 'medium' ? 1.5 : 0;
  return profile[p.profile] + risk;
}

interface Timeline {
  opened: string;
  intakeOn: string;
  toAssessment: string;
  assessedOn: string;
  toPlanning: string;
  agreedOn: string;
  toIntervention: string;
  toEvaluation: string;
  evaluatedOn: string;
  closureOn: string;
  closedOn: string;
}

/** The days a case moves on, forward from opening; `anchor` is the last step the stage has taken, placed `ago` days before today. */
function timeline(rng: Rng, today: string, stage: CaseStage): Timeline {
  const steps = {
    intakeOn: rng.int(0, 2),
    toAssessment: rng.int(1, 4),
    assessedOn: rng.int(5, 12),
    toPlanning: rng.int(0, 2),
    agreedOn: rng.int(5, 10),
    toIntervention: rng.int(0, 1),
    toEvaluation: rng.int(60, 120),
    evaluatedOn: rng.int(3, 8),
    closureOn: rng.int(3, 10),
    closedOn: rng.int(1, 4),
  };
  const offsets: Record<keyof typeof steps | 'opened', number> = { opened: 0, intakeOn: 0, toAssessment: 0, assessedOn: 0, toPlanning: 0, agreedOn: 0, toIntervention: 0, toEvaluation: 0, evaluatedOn: 0, closureOn: 0, closedOn: 0 };
  let total = 0;
  for (const key of Object.keys(steps) as (keyof typeof steps)[]) {
    total += steps[key];
    offsets[key] = total;
  }
  // Where the case stands today: the last step its stage has taken, and how long ago.
  const anchor: Record<CaseStage, [keyof typeof offsets, number]> = {
    intake: ['intakeOn', rng.int(1, 14)],
    assessment: ['toAssessment', rng.int(2, 12)],
    planning: ['toPlanning', rng.int(2, 10)],
    intervention: ['toIntervention', rng.int(20, 110)],
    evaluation: ['toEvaluation', rng.int(10, 30)],
    closed: ['closedOn', rng.int(5, 150)],
  };
  const [step, ago] = anchor[stage];
  const opened = addDays(today, -(ago + offsets[step]));
  const day = (key: keyof typeof offsets) => addDays(opened, offsets[key]);
  return {
    opened,
    intakeOn: day('intakeOn'),
    toAssessment: day('toAssessment'),
    assessedOn: day('assessedOn'),
    toPlanning: day('toPlanning'),
    agreedOn: day('agreedOn'),
    toIntervention: day('toIntervention'),
    toEvaluation: day('toEvaluation'),
    evaluatedOn: day('evaluatedOn'),
    closureOn: day('closureOn'),
    closedOn: day('closedOn'),
  };
}

function intakeDocument(template: CaseTemplate, p: HistoryPerson, source: CaseSource, intakeOn: string): IntakeDocument {
  return {
    source,
    presentingProblem: template.presentingProblem(p),
    basicSituation: template.basicSituation(p),
    consent: true,
    consentBy: p.age < 14 ? 'guardian' : 'self',
    intakeOn,
  };
}

function assessmentDocument(template: CaseTemplate, p: HistoryPerson, riskLevel: RiskLevel, assessedOn: string): AssessmentDocument {
  return {
    problems: [...template.problems],
    needs: [...template.needs],
    strengths: template.strengths,
    risks: template.risks,
    riskLevel,
    familySupport: template.familySupport(p),
    socialSupport: template.socialSupport(p),
    assessedOn,
  };
}

function planDocument(template: CaseTemplate, agreedOn: string, goalsTargetOn: string): PlanDocument {
  return {
    goals: template.goals.map((goal, index) => ({
      id: `g${index + 1}`,
      description: goal.description,
      measure: goal.measure,
      targetDate: goalsTargetOn,
      interventions: goal.interventions.map((i) => ({ serviceType: i.serviceType, who: i.who, frequency: i.frequency, byDate: goalsTargetOn })),
    })),
    clientAgreed: true,
    agreedOn,
  };
}

function evaluationDocument(rng: Rng, template: CaseTemplate, evaluatedOn: string, mostlyMet: boolean): EvaluationDocument {
  return {
    goals: template.goals.map((goal, index) => {
      const result: GoalResult = mostlyMet ? (rng.chance(0.8) ? 'met' : 'partly') : rng.weighted<GoalResult>([['met', 40], ['partly', 50], ['not_met', 10]]);
      return { goalId: `g${index + 1}`, result, note: result === 'met' ? goal.met : result === 'partly' ? goal.partly : '未达成：服务对象情况变化，需调整计划。' };
    }),
    clientView: template.clientView,
    workerView: template.workerView,
    evaluatedOn,
  };
}

const CLOSURE_SUMMARY_TAIL: Record<ClosureReason, string> = {
  goals_met: '服务目标均已达成，经与服务对象商定结案。',
  referred: '部分需求超出社工站服务范围，已转介专业机构并确认对方接收，经与服务对象商定结案。',
  declined: '服务对象认为情况已明显好转，不愿继续接受个案服务，尊重其意愿结案。',
  moved: '服务对象随家人迁居外地，已告知当地社工站。',
  died: '服务对象离世，已慰问家属。',
};

function closureDocument(template: CaseTemplate, reason: ClosureReason, closedOn: string): ClosureDocument {
  return { reason, summary: `${template.summary}${CLOSURE_SUMMARY_TAIL[reason]}`, followUpPlan: template.followUpPlan, closedOn };
}

/** Leaves out some fields of a document still being written (a draft may miss anything). */
function draftOf<T extends Record<string, unknown>>(rng: Rng, document: T, keep: number): Partial<T> {
  const keys = Object.keys(document);
  const kept = rng.sample(keys, Math.max(1, Math.min(keys.length - 1, Math.round(keys.length * keep))));
  return Object.fromEntries(keys.filter((k) => kept.includes(k)).map((k) => [k, document[k]])) as Partial<T>;
}

const REVIEW_NOTES = [
  '动态评估：服务对象情况稳定，按计划继续服务。',
  '动态评估：目标进展顺利，风险等级不变。',
  '动态评估：近期情绪有波动，增加一次入户。',
  '动态评估：照料安排到位，继续观察。',
  '动态评估：与监护人沟通后微调了服务频次。',
];

export interface StationCaseInput {
  stationId: string;
  people: readonly HistoryPerson[];
  staff: CaseStaff;
  now: Date;
  today: string;
  /** Cases at each stage in this station. */
  perStage: number;
  /** Open cases whose review date has passed. */
  overdueReviews: number;
  /** Open evaluation-stage cases whose worker asked the manager to close them. */
  pendingCloseRequests: number;
  /** Closure reasons of the closed cases, in order (the rest close with goals met). */
  closureReasons: ClosureReason[];
}

/** A station's cases, their documents and events, and what service records they need. */
export function planStationCases(rng: Rng, input: StationCaseInput): PlannedCases {
  const { today, staff } = input;
  const planned: PlannedCases = { cases: [], events: [], services: [] };
  const wanted = input.perStage * STAGES.length;
  const candidates = input.people
    .filter((p) => p.profile !== 'none' && TEMPLATES.some((t) => t.fits(p)))
    .map((p) => ({ p, score: needScore(p) + rng.float() * 2 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, wanted)
    .map((c) => c.p);
  // Stages dealt out in turn down the list of need, so every stage has cases of every kind and a
  // small township still has a case at every stage.
  const order = rng.shuffle(candidates.map((p, i) => ({ p, stage: STAGES[i % STAGES.length]! })));
  const usedTemplates = new Map<string, number>();
  let closedIndex = 0;
  let pendingLeft = input.pendingCloseRequests;

  const drafts: { row: CaseInsert; events: CaseEventInsert[]; stage: CaseStage; risk: RiskLevel; lastReview: string }[] = [];
  for (const [index, { p, stage }] of order.entries()) {
    const fitting = TEMPLATES.filter((t) => t.fits(p));
    // The least used fitting template first, so the cases differ.
    const template = [...fitting].sort((a, b) => (usedTemplates.get(a.key) ?? 0) - (usedTemplates.get(b.key) ?? 0) || (rng.chance(0.5) ? -1 : 1))[0]!;
    usedTemplates.set(template.key, (usedTemplates.get(template.key) ?? 0) + 1);
    const workerId = staff.workerIds[index % staff.workerIds.length]!;
    const days = timeline(rng, today, stage);
    const source = rng.pick(template.sources);
    const risk: RiskLevel = p.risk ?? 'medium';
    const reached = STAGES.indexOf(stage);
    const passed = (s: CaseStage) => STAGES.indexOf(s) < reached;
    const openedMinute = rng.int(9 * 60, 15 * 60);
    const openedAt = at(days.opened, openedMinute);
    const id = rng.uuid(openedAt);
    const events: CaseEventInsert[] = [];
    const lastMinute = new Map<string, number>([[days.opened, openedMinute]]);
    const event = (day: string, kind: string, extra: Partial<CaseEventInsert> = {}, by = workerId) => {
      // Steps of one day keep their order; nothing is dated after the demo's now.
      const minute = Math.max(rng.int(9 * 60, 16 * 60), (lastMinute.get(day) ?? 0) + rng.int(5, 40));
      lastMinute.set(day, minute);
      const planned = at(day, minute);
      const when = planned.getTime() < input.now.getTime() ? planned : new Date(input.now.getTime() - rng.int(5, 60) * 60_000);
      events.push({ id: rng.uuid(when), stationId: input.stationId, caseId: id, at: when, by, kind, fromStage: null, toStage: null, document: null, note: null, details: null, ...extra });
    };
    const transition = (day: string, from: CaseStage, to: CaseStage) => event(day, 'transition', { fromStage: from, toStage: to });

    events.push({ id: rng.uuid(openedAt), stationId: input.stationId, caseId: id, at: openedAt, by: workerId, kind: 'opened', fromStage: null, toStage: 'intake', document: null, note: template.presentingProblem(p), details: null });
    const intake = intakeDocument(template, p, source, days.intakeOn);
    let assessment: AssessmentDocument | null = null;
    let plan: PlanDocument | null = null;
    let evaluation: EvaluationDocument | null = null;
    let closure: ClosureDocument | null = null;
    let referrals: Referral[] = [];
    let closeRequest: { at: Date; by: string; note: string } | null = null;
    let closedAt: Date | null = null;
    let closureReason: ClosureReason | null = null;

    const intakeSaved = passed('intake') || rng.chance(0.5) ? intake : draftOf(rng, intake, 0.6);
    event(days.intakeOn, 'document_saved', { document: 'intake', details: { previous: null } });
    if (passed('intake')) {
      transition(days.toAssessment, 'intake', 'assessment');
      const full = assessmentDocument(template, p, risk, days.assessedOn);
      if (passed('assessment')) {
        assessment = full;
        event(days.assessedOn, 'document_saved', { document: 'assessment', details: { previous: null } });
        transition(days.toPlanning, 'assessment', 'planning');
      } else if (rng.chance(0.7)) {
        assessment = draftOf(rng, full, 0.5);
        event(addDays(days.toAssessment, 1) > today ? today : addDays(days.toAssessment, 1), 'document_saved', { document: 'assessment', details: { previous: null } });
      }
    }
    const targetOn = addDays(days.agreedOn, 90);
    if (passed('assessment')) {
      const full = planDocument(template, days.agreedOn, targetOn);
      if (passed('planning')) {
        plan = full;
        event(days.agreedOn, 'document_saved', { document: 'plan', details: { previous: null } });
        transition(days.toIntervention, 'planning', 'intervention');
      } else if (rng.chance(0.7)) {
        // A plan being written: goals named, interventions and agreement still to come.
        plan = { goals: (full.goals ?? []).map(({ id: goalId, description, measure }) => ({ id: goalId, description, measure })) };
        event(addDays(days.toPlanning, 1) > today ? today : addDays(days.toPlanning, 1), 'document_saved', { document: 'plan', details: { previous: null } });
      }
    }
    if (passed('planning')) {
      const until = passed('intervention') ? days.toEvaluation : addDays(today, -1);
      planned.services.push({
        person: p,
        caseId: id,
        workerId,
        from: addDays(days.agreedOn, 1),
        to: until,
        goals: template.goals.map((goal, goalIndex) => ({
          id: `g${goalIndex + 1}`,
          short: goal.short,
          serviceTypes: [...new Set(goal.interventions.map((i) => i.serviceType))],
          everyDays: Math.min(...goal.interventions.map((i) => i.everyDays)),
        })),
      });
    }
    if (passed('intervention')) {
      transition(days.toEvaluation, 'intervention', 'evaluation');
      const closing = stage === 'closed' || pendingLeft > 0;
      const reason: ClosureReason = stage === 'closed' ? (input.closureReasons[closedIndex++] ?? 'goals_met') : 'goals_met';
      const full = evaluationDocument(rng, template, days.evaluatedOn, reason === 'goals_met');
      if (closing) {
        evaluation = full;
        event(days.evaluatedOn, 'document_saved', { document: 'evaluation', details: { previous: null } });
        if (reason === 'referred') {
          const referredOn = addDays(days.evaluatedOn, -rng.int(10, 30));
          const outcomeOn = addDays(referredOn, rng.int(5, 9));
          referrals = [
            {
              id: rng.uuid(at(referredOn, 10 * 60)),
              to: template.referral.to,
              reason: template.referral.reason,
              materialsSent: template.referral.materialsSent,
              consent: true,
              referredOn,
              outcome: template.referral.outcome,
              outcomeOn,
              by: workerId,
            },
          ];
          event(referredOn, 'referred', { note: `转介至${template.referral.to}：${template.referral.reason}` });
          event(outcomeOn, 'referral_outcome', { note: template.referral.outcome });
        }
        closure = closureDocument(template, reason, stage === 'closed' ? days.closedOn : addDays(today, -rng.int(0, 1)));
        const requestDay = stage === 'closed' ? days.closureOn : (closure.closedOn ?? today);
        event(requestDay, 'document_saved', { document: 'closure', details: { previous: null } });
        const note = reason === 'goals_met' ? '服务目标已达成，申请结案。' : `${CLOSURE_SUMMARY_TAIL[reason]}申请结案。`;
        event(requestDay, 'close_requested', { note });
        if (stage === 'closed') {
          closedAt = at(days.closedOn, rng.int(15 * 60, 17 * 60 + 30));
          closureReason = reason;
          events.push({ id: rng.uuid(closedAt), stationId: input.stationId, caseId: id, at: closedAt, by: staff.managerId, kind: 'closed', fromStage: 'evaluation', toStage: 'closed', document: null, note: '站长审核同意结案。', details: null });
        } else {
          pendingLeft--;
          const last = events[events.length - 1]!;
          closeRequest = { at: last.at, by: workerId, note };
        }
      } else if (rng.chance(0.75)) {
        evaluation = draftOf(rng, full, 0.5);
        event(addDays(days.toEvaluation, 1) > today ? today : addDays(days.toEvaluation, 1), 'document_saved', { document: 'evaluation', details: { previous: null } });
      }
    }
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    const lastAt = events[events.length - 1]!.at;
    drafts.push({
      stage,
      risk,
      lastReview: passed('planning') ? days.agreedOn : days.opened,
      events,
      row: {
        id,
        createdAt: openedAt,
        updatedAt: lastAt,
        version: events.length,
        stationId: input.stationId,
        personId: p.id,
        villageId: p.villageId,
        householdId: null,
        workerId,
        stage,
        source,
        presentingProblem: template.presentingProblem(p),
        intake: intakeSaved,
        assessment,
        plan,
        evaluation,
        closure,
        referrals,
        openedAt,
        closedAt,
        closureReason,
        nextReviewOn: null,
        closeRequestedAt: closeRequest?.at ?? null,
        closeRequestedBy: closeRequest?.by ?? null,
        closeRequestNote: closeRequest?.note ?? null,
        approvedBy: stage === 'closed' ? staff.managerId : null,
        createdBy: workerId,
      },
    });
  }

  // Reviews (动态化评估) of open cases: every interval of the risk level since the plan (or the
  // opening), the next one ahead, except for a few whose review is overdue.
  const open = drafts.filter((d) => d.stage !== 'closed');
  // Overdue reviews fall on cases that have run a while (a fresh case has its first review ahead).
  const running = open.filter((d) => d.stage === 'intervention' || d.stage === 'evaluation');
  const overdue = new Set(running.length >= input.overdueReviews ? rng.sample(running, input.overdueReviews) : [...running, ...rng.sample(open.filter((d) => d.stage === 'planning'), input.overdueReviews - running.length)]);
  for (const draft of open) {
    const interval = CASE_REVIEW_DAYS[draft.risk];
    let next = addDays(draft.lastReview, interval);
    while (next <= today) {
      const isLast = addDays(next, interval) > today;
      if (overdue.has(draft) && isLast) break;
      const when = at(next, rng.int(9 * 60, 17 * 60));
      if (when.getTime() >= input.now.getTime()) break;
      draft.events.push({ id: rng.uuid(when), stationId: input.stationId, caseId: draft.row.id, at: when, by: draft.row.workerId, kind: 'reviewed', fromStage: null, toStage: null, document: null, note: rng.pick(REVIEW_NOTES), details: null });
      next = addDays(next, interval);
    }
    if (overdue.has(draft) && next > addDays(today, -2)) next = addDays(today, -rng.int(2, 12));
    draft.row.nextReviewOn = next;
    draft.events.sort((a, b) => a.at.getTime() - b.at.getTime());
    draft.row.version = draft.events.length;
    draft.row.updatedAt = draft.events[draft.events.length - 1]!.at;
  }
  for (const draft of drafts) {
    planned.cases.push(draft.row);
    planned.events.push(...draft.events);
  }
  return planned;
}
