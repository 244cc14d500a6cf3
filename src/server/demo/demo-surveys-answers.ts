import type { AgeBand, GroupCode, NeedTypeCode } from '../../shared/codes';
import type { AnswerValue } from '../../shared/schemas/surveys';
import type { Rng } from './demo-history-support';

/**
 * What the demo's respondents answer to the three template surveys (survey-templates.ts: keys
 * `elder`, `left_behind_child`, `woman`). EVERYTHING HERE IS SYNTHETIC: answers are drawn with a
 * seeded random source from the respondent's file (age, living situation, health, household) and
 * from weights chosen so that the station's needs ranking tells what the seed report's needs
 * research found: elders want health care most, then elderly education, then recreation;
 * children's biggest trouble is homework and their biggest concern safety; women care most about
 * their children's education, then family health and work about equally.
 *
 * Each respondent has an order of needs of their own (drawn one need after another, each with a
 * chance in proportion to its weight, as people rank); their ranking question lists its head, and
 * the other questions follow it, so one response reads as one person's.
 */

export type Answers = Record<string, AnswerValue>;

/** Who answers, as far as the answers depend on it: a linked resident's file, or what an anonymous respondent said. */
export interface Respondent {
  age: number;
  gender: 'male' | 'female' | null;
  groups: ReadonlySet<GroupCode>;
  living: string | null;
  selfCare: 'independent' | 'partly' | 'unable' | null;
  health: 'healthy' | 'chronic_illness' | 'serious_illness' | 'disabled' | null;
  childrenAway: number;
  guardianRelation: string | null;
  /** Members of the household under 18, and 60 or over (the respondent not counted). */
  minorsAtHome: number;
  eldersAtHome: number;
  /** Someone of the household is a left-behind child: a parent works away. */
  parentAway: boolean;
}

/** The need types a weight applies to, with their weights. */
type Weights<T extends string> = Record<T, number>;

/** An order of the items drawn one after another, each with a chance in proportion to its weight (how people rank). */
export function drawOrder<T extends string>(rng: Rng, weights: Weights<T>): T[] {
  const left = (Object.entries(weights) as [T, number][]).filter(([, w]) => w > 0);
  const order: T[] = [];
  while (left.length > 0) {
    const chosen = rng.weighted(left);
    order.push(chosen);
    left.splice(
      left.findIndex(([value]) => value === chosen),
      1,
    );
  }
  return order;
}

function some<T>(rng: Rng, list: readonly T[], min: number, max: number): T[] {
  return rng.sample(list, rng.int(min, max));
}

/** A text answer from the list, now and then with a second one (people say more than one thing). */
function saying(rng: Rng, own: readonly string[], more: readonly string[]): string {
  const first = rng.pick(own);
  if (!rng.chance(0.2)) return first;
  const second = rng.pick(more);
  return second === first ? first : `${first}；${second}`;
}

// ---------------------------------------------------------------------------------------------
// Elders

type ElderNeed = 'healthcare' | 'elder_education' | 'recreation' | 'daily_care' | 'companionship' | 'digital_skills' | 'anti_fraud' | 'policy_access';

/** Weights tuned so that about 3 in 4 elders rank health care among their three, 1 in 2 elderly education, 2 in 5 recreation. */
const ELDER_WEIGHTS: Weights<ElderNeed> = {
  healthcare: 6.5,
  elder_education: 4.2,
  recreation: 3.3,
  companionship: 1.8,
  daily_care: 1.5,
  policy_access: 1.4,
  digital_skills: 1.1,
  anti_fraud: 0.8,
};

function elderWeights(r: Respondent): Weights<ElderNeed> {
  const w = { ...ELDER_WEIGHTS };
  if (r.health === 'serious_illness' || r.health === 'chronic_illness') w.healthcare *= 1.4;
  if (r.living === 'alone' || r.groups.has('solitary_elder')) {
    w.companionship *= 1.7;
    w.daily_care *= 1.4;
  }
  if (r.selfCare && r.selfCare !== 'independent') w.daily_care *= 2;
  if (r.age < 70) {
    w.elder_education *= 1.25;
    w.recreation *= 1.3;
    w.digital_skills *= 1.5;
  } else if (r.age >= 80) {
    w.elder_education *= 0.7;
    w.recreation *= 0.6;
    w.daily_care *= 1.4;
  }
  return w;
}

const ELDER_WORRIES: Record<ElderNeed, string[]> = {
  healthcare: [
    '希望村里能有人定期来量血压',
    '腿疼得厉害，想有人带我去县医院看看',
    '降压药快吃完了，去镇上买药不方便',
    '希望卫生院的医生能常来村里',
    '眼睛越来越看不清，想查查是不是白内障',
    '一个人在家，怕晚上犯病没人知道',
    '想知道慢性病的药能不能多报销一些',
    '老伴糖尿病，打胰岛素我不会弄',
    '冬天咳嗽老不好，想有人给看看',
    '想做个体检，看看身体到底怎么样',
  ],
  elder_education: [
    '想学认字，能看懂药盒上的字',
    '村里要是有老年学校就好了，我想去听听',
    '想听听怎么保养身体的讲座',
    '想学写自己的名字',
    '想学点养花种菜的新办法',
  ],
  recreation: ['想和老姐妹们一起跳锅庄', '村里能不能搞个活动室，冬天有个去处', '过节的时候能热闹热闹就好了', '想唱花儿，没人一起唱', '想有个地方下下棋'],
  daily_care: ['冬天挑水、搬煤太吃力了', '一个人做饭不方便，经常凑合一顿', '希望有人帮着拆洗被褥', '屋顶漏雨，自己上不去修'],
  companionship: ['儿子女儿都在外面，平时没人说话', '老伴走了以后心里空落落的', '希望社工常来坐坐，陪我说说话', '晚上睡不着，心里发慌'],
  digital_skills: ['想学用手机和孙子视频', '不会用手机扫码，去镇上买东西不方便', '手机上的健康码、医保码都不会弄'],
  anti_fraud: ['前阵子有人打电话说我中奖了，不知道真假', '怕被卖保健品的骗', '有人上门说能办高额养老金，要先交钱'],
  policy_access: ['高龄津贴不知道怎么申请', '想问问养老金明年能不能涨', '低保年审要什么材料，不清楚', '残疾证到期了，不知道去哪里换'],
};

const ELDER_NOTES = ['老人耳背，由女儿协助转述。', '访谈时老伴在场，补充了部分情况。', '老人说藏语，由村干部协助翻译。', '老人精神不错，访谈顺利。', '老人中途去喂牲口，访谈分两次完成。'];

export interface ElderAnswerOptions {
  /** Version 2 of the edited survey asks about falls. */
  askFalls?: boolean;
}

export function elderAnswers(rng: Rng, r: Respondent, options: ElderAnswerOptions = {}): { answers: Answers; note: string | null } {
  const order = drawOrder(rng, elderWeights(r));
  const ranked = order.slice(0, rng.chance(0.88) ? 3 : 2);
  const a: Answers = {};
  a.living =
    r.living === 'alone' ? 'alone' : r.living === 'with_spouse' ? 'spouse' : r.living === 'with_children' ? 'children' : r.minorsAtHome > 0 && r.childrenAway > 0 ? 'grandchildren' : 'other';
  a.children_away = r.childrenAway > 0 ? (a.living === 'children' ? 'some_away' : 'all_away') : r.groups.has('solitary_elder') ? 'no_children' : 'all_near';
  if (a.children_away === 'all_away' && rng.chance(0.95)) a.children_contact = rng.weighted([['weekly', 35], ['monthly', 40], ['rarely', 20], ['never', 5]]);
  a.health_self =
    r.health === 'serious_illness' ? rng.int(1, 2) : r.health === 'chronic_illness' || r.health === 'disabled' ? rng.weighted([[2, 35], [3, 50], [4, 15]]) : rng.weighted([[3, 30], [4, 50], [5, 20]]);
  if (rng.chance(0.9)) {
    a.chronic =
      r.health === 'serious_illness' || r.health === 'chronic_illness'
        ? some(rng, ['hypertension', 'diabetes', 'heart', 'joints', 'respiratory'], 1, 2)
        : rng.chance(0.6)
          ? ['none']
          : some(rng, ['hypertension', 'joints'], 1, 1);
  }
  a.self_care = r.selfCare && r.selfCare !== 'independent' ? 'no' : 'yes';
  if (a.self_care === 'no') a.carer = a.living === 'spouse' ? 'spouse' : a.living === 'children' ? 'children' : rng.weighted([['relatives_neighbours', 70], ['nobody', 30]]);
  if (options.askFalls) a.falls = rng.chance(r.age >= 75 || a.self_care === 'no' ? 0.35 : 0.15) ? 'yes' : 'no';
  if (rng.chance(0.8)) a.clinic_minutes = rng.int(1, 12) * 5;
  if (rng.chance(0.9)) a.lonely = a.living === 'alone' ? rng.int(3, 5) : r.childrenAway > 0 ? rng.int(2, 4) : rng.int(1, 3);
  a.smartphone =
    r.age < 70 ? rng.weighted([['yes', 30], ['a_little', 45], ['no', 20], ['no_phone', 5]]) : r.age < 80 ? rng.weighted([['yes', 8], ['a_little', 32], ['no', 40], ['no_phone', 20]]) : rng.weighted([['a_little', 10], ['no', 45], ['no_phone', 45]]);
  a.fraud_contact = rng.weighted([['yes', 25], ['no', 65], ['not_sure', 10]]);
  if (rng.chance(0.92)) {
    a.activities = ranked.includes('recreation')
      ? some(rng, ['dance', 'singing', 'cards_chess', 'handicraft'], 1, 3)
      : rng.chance(0.45)
        ? ['few']
        : some(rng, ['dance', 'cards_chess', 'singing', 'handicraft', 'reading'], 1, 2);
  }
  a.top_needs = ranked;
  if (rng.chance(0.85)) a.satisfaction = rng.weighted([[3, 12], [4, 45], [5, 43]]);
  if (rng.chance(0.55)) a.biggest_worry = saying(rng, ELDER_WORRIES[ranked[0]!], ELDER_WORRIES[rng.pick(ranked)]);
  return { answers: a, note: rng.chance(0.12) ? rng.pick(ELDER_NOTES) : null };
}

// ---------------------------------------------------------------------------------------------
// Children

type ChildNeed = 'tutoring' | 'safety_education' | 'psychological' | 'family_contact' | 'interest_activities';

const CHILD_WEIGHTS: Weights<ChildNeed> = { tutoring: 6, safety_education: 4.6, interest_activities: 2.3, family_contact: 2, psychological: 1.4 };

function childWeights(r: Respondent): Weights<ChildNeed> {
  const w = { ...CHILD_WEIGHTS };
  if (r.groups.has('left_behind_child') || r.parentAway) w.family_contact *= 1.6;
  if (r.age < 9) w.safety_education *= 1.2;
  if (r.age >= 12) w.psychological *= 1.4;
  return w;
}

/** The option of each single-choice question that tells the need, when the child's first need shows in it. */
const TROUBLE_OF: Partial<Record<ChildNeed, string>> = { tutoring: 'homework', family_contact: 'miss_parents', psychological: 'mood', interest_activities: 'nothing_to_do' };
const WORRY_OF: Partial<Record<ChildNeed, string>> = { safety_education: 'safety', family_contact: 'family', psychological: 'bullying' };

const CHILD_WISHES = [
  '希望爸爸妈妈过年能早点回来',
  '想要一个新书包',
  '想学画画',
  '希望有人教我数学',
  '想去县城的图书馆看看',
  '想和爸爸视频的时候多说一会儿',
  '想要一本新华字典',
  '希望奶奶的腿快点好起来',
  '想参加篮球比赛',
  '想学跳舞',
  '希望考试能考好，让妈妈高兴',
  '想让社工姐姐下次还来',
  '想要一个台灯写作业',
];
const WHY_NOT_CONFIDE = ['怕奶奶担心', '说了也没用', '不知道跟谁说', '怕同学笑话', '爸爸妈妈太忙了'];

function gradeOf(age: number): string {
  if (age < 6) return 'preschool';
  if (age < 9) return 'primary_1_3';
  if (age < 12) return 'primary_4_6';
  if (age < 16) return 'junior';
  return 'not_in_school';
}

export function childAnswers(rng: Rng, r: Respondent): { answers: Answers; note: string | null } {
  const order = drawOrder(rng, childWeights(r));
  const ranked = order.slice(0, rng.chance(0.85) ? 3 : 2);
  const away = r.groups.has('left_behind_child') || r.parentAway;
  const a: Answers = {};
  a.grade = gradeOf(r.age);
  if (rng.chance(0.9)) a.boarding = a.grade === 'junior' && rng.chance(0.6) ? 'yes' : 'no';
  const guardian = r.guardianRelation ?? '';
  a.carer = /祖|爷|奶|外公|外婆/.test(guardian)
    ? 'grandparents'
    : /母|父/.test(guardian)
      ? 'one_parent'
      : guardian
        ? 'relatives'
        : away
          ? rng.weighted([['grandparents', 60], ['one_parent', 25], ['relatives', 15]])
          : 'one_parent';
  a.parent_contact = away ? rng.weighted([['weekly', 45], ['monthly', 35], ['rarely', 15], ['never', 5]]) : rng.weighted([['weekly', 85], ['monthly', 15]]);
  if (rng.chance(0.85)) a.parent_visits = away ? rng.weighted([[1, 45], [2, 30], [3, 12], [0, 8], [4, 5]]) : rng.int(6, 20);
  if (rng.chance(0.9)) {
    a.homework_help = ranked.includes('tutoring')
      ? rng.weighted([['leave_blank', 45], ['ask_school', 30], ['search', 15], ['ask_family', 10]])
      : rng.weighted([['ask_family', 40], ['ask_school', 35], ['search', 20], ['leave_blank', 5]]);
  }
  const first = order[0]!;
  a.biggest_trouble =
    TROUBLE_OF[first] && rng.chance(0.55)
      ? TROUBLE_OF[first]
      : rng.weighted([['homework', 36], ['miss_parents', away ? 22 : 8], ['mood', 11], ['nothing_to_do', 13], ['unsafe', 6], ['none', 12]]);
  a.biggest_worry = WORRY_OF[first] && rng.chance(0.5) ? WORRY_OF[first] : rng.weighted([['safety', 38], ['grades', 24], ['family', 14], ['bullying', 10], ['none', 14]]);
  if (rng.chance(0.9)) a.mood = ranked[0] === 'psychological' ? rng.int(2, 3) : rng.weighted([[3, 30], [4, 45], [5, 25]]);
  const confide = rng.chance(0.06) ? ['nobody'] : some(rng, ['carer', 'parents', 'teacher', 'friends', 'social_worker'], 1, 3);
  a.confide = confide;
  if (confide.includes('nobody') && rng.chance(0.7)) a.confide_why_not = rng.pick(WHY_NOT_CONFIDE);
  if (rng.chance(0.9)) {
    const learned = (['traffic', 'drowning', 'fire_power', 'strangers', 'bullying'] as const).filter((lesson) => rng.chance({ traffic: 0.8, drowning: 0.85, fire_power: 0.5, strangers: 0.4, bullying: 0.3 }[lesson]));
    a.safety_learned = learned.length > 0 ? learned : ['none'];
  }
  a.top_needs = ranked;
  if (rng.chance(0.6)) a.wish = rng.pick(CHILD_WISHES);
  return { answers: a, note: rng.chance(0.1) ? rng.pick(['访谈时奶奶在场。', '孩子比较害羞，部分问题由社工解释后回答。', '在学校寄宿，周末回家时访谈。']) : null };
}

// ---------------------------------------------------------------------------------------------
// Women

type WomanNeed = 'child_education' | 'family_health' | 'employment' | 'rights_protection';

const WOMAN_WEIGHTS: Weights<WomanNeed> = { child_education: 8, family_health: 3, employment: 2.8, rights_protection: 1.6 };

function womanWeights(r: Respondent): Weights<WomanNeed> {
  const w = { ...WOMAN_WEIGHTS };
  if (r.minorsAtHome === 0) w.child_education *= 0.15;
  if (r.eldersAtHome > 0) w.family_health *= 1.2;
  return w;
}

const WOMAN_SUGGESTIONS = [
  '希望活动放在晚上或者农闲的时候',
  '想学做面点，能在镇上摆个摊',
  '希望请县医院的医生来讲讲妇女病',
  '希望办个家长课堂，教教怎么跟孩子沟通',
  '搞活动的时候能不能帮忙看一会儿孩子',
  '想学电商，把家里的牦牛肉干卖出去',
  '希望多组织几次免费体检',
  '想了解孩子上初中住校要准备什么',
  '希望有个地方能和其他姐妹一起做手工',
  '想知道丈夫在外打工受了伤怎么维权',
];

export function womanAnswers(rng: Rng, r: Respondent): { answers: Answers; note: string | null } {
  const order = drawOrder(rng, womanWeights(r));
  const ranked = order.slice(0, rng.weighted([[3, 70], [2, 25], [1, 5]]));
  const a: Answers = {};
  a.household = r.parentAway ? 'husband_away' : rng.weighted([['husband_home', 78], ['widowed_divorced', 12], ['single', 4], ['husband_away', 6]]);
  a.has_children = r.minorsAtHome > 0 ? 'yes' : 'no';
  if (a.has_children === 'yes') {
    if (rng.chance(0.95)) a.children_count = Math.min(10, Math.max(1, r.minorsAtHome));
    a.child_concern = ranked.slice(0, 2).includes('child_education') ? rng.weighted([['study', 55], ['upbringing', 45]]) : rng.weighted([['safety', 45], ['future', 40], ['health', 15]]);
  }
  const carer = ranked.includes('family_health');
  const cares: string[] = [];
  if (r.eldersAtHome > 0 && rng.chance(0.6)) cares.push('elder');
  if (carer && rng.chance(0.55)) cares.push(rng.pick(['sick', 'disabled']));
  a.family_care = cares.length > 0 ? cares : ['none'];
  a.work = rng.weighted([['farming', 45], ['local_job', 20], ['home', 22], ['business', 8], ['away', 5]]);
  a.skills_wanted = ranked.includes('employment') ? some(rng, ['handicraft', 'cooking', 'care_work', 'ecommerce', 'farming_tech'], 1, 2) : rng.chance(0.1) ? [rng.pick(['handicraft', 'cooking'])] : ['none'];
  if (rng.chance(0.9)) a.burden = rng.weighted([[2, 15], [3, 40], [4, 30], [5, 15]]);
  if (rng.chance(0.9)) a.screening = rng.weighted([['yes', 45], ['no', 35], ['not_heard', 20]]);
  a.rights_topics = ranked.includes('rights_protection') ? some(rng, ['marriage_family', 'domestic_violence', 'land_property', 'insurance'], 1, 2) : ['none'];
  if (rng.chance(0.9)) a.wellbeing = rng.weighted([[2, 10], [3, 35], [4, 40], [5, 15]]);
  a.top_needs = ranked;
  if (rng.chance(0.5)) a.suggestions = rng.pick(WOMAN_SUGGESTIONS);
  return { answers: a, note: null };
}

// ---------------------------------------------------------------------------------------------
// Anonymous respondents (community questionnaires): what they said of themselves.

export function anonymousRespondent(rng: Rng, audience: 'elder' | 'child' | 'woman'): { respondent: Respondent; gender: 'male' | 'female'; ageBand: AgeBand } {
  const base: Respondent = {
    age: 0,
    gender: null,
    groups: new Set<GroupCode>(),
    living: null,
    selfCare: 'independent',
    health: 'healthy',
    childrenAway: 0,
    guardianRelation: null,
    minorsAtHome: 0,
    eldersAtHome: 0,
    parentAway: false,
  };
  if (audience === 'elder') {
    const age = rng.weighted([[rng.int(60, 69), 40], [rng.int(70, 79), 42], [rng.int(80, 88), 18]]);
    const gender = rng.chance(0.55) ? 'female' : 'male';
    const respondent: Respondent = {
      ...base,
      age,
      gender,
      groups: new Set<GroupCode>(['elder']),
      living: rng.weighted([['with_spouse', 45], ['alone', 20], ['with_children', 25], ['other', 10]]),
      health: rng.weighted([['healthy', 35], ['chronic_illness', 55], ['serious_illness', 10]]),
      selfCare: rng.chance(0.85) ? 'independent' : 'partly',
      childrenAway: rng.chance(0.7) ? rng.int(1, 3) : 0,
      minorsAtHome: rng.chance(0.3) ? 1 : 0,
    };
    return { respondent, gender, ageBand: age < 70 ? '60-69' : age < 80 ? '70-79' : '80+' };
  }
  if (audience === 'child') {
    const age = rng.int(7, 15);
    const gender = rng.chance(0.5) ? 'female' : 'male';
    const away = rng.chance(0.6);
    return {
      respondent: { ...base, age, gender, groups: new Set<GroupCode>(away ? ['left_behind_child'] : ['other_child']), parentAway: away, guardianRelation: away ? '祖父母' : null },
      gender,
      ageBand: age < 12 ? '6-11' : '12-17',
    };
  }
  const age = rng.int(24, 55);
  return {
    respondent: { ...base, age, gender: 'female', groups: new Set<GroupCode>(['woman']), minorsAtHome: rng.chance(0.85) ? rng.int(1, 3) : 0, eldersAtHome: rng.chance(0.4) ? 1 : 0, parentAway: rng.chance(0.3) },
    gender: 'female',
    ageBand: age < 40 ? '18-39' : '40-59',
  };
}

/** The need types each template asks about, for checks of what a station's ranking shows. */
export const TEMPLATE_NEEDS: Record<'elder' | 'left_behind_child' | 'woman', readonly NeedTypeCode[]> = {
  elder: Object.keys(ELDER_WEIGHTS) as NeedTypeCode[],
  left_behind_child: Object.keys(CHILD_WEIGHTS) as NeedTypeCode[],
  woman: Object.keys(WOMAN_WEIGHTS) as NeedTypeCode[],
};
