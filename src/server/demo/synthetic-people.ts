import { v7 as uuidv7 } from 'uuid';
import { ageOn, checkCharacter } from '../../shared/id-number';
import type { BenefitCode, EthnicityCode, GroupCode, RiskLevel } from '../../shared/codes';
import type { HOUSEHOLD_TAGS, PersonInput } from '../../shared/schemas/people';

/**
 * Synthetic residents of Tianzhu villages, for the demo township, `npm run gen:scale` and the
 * benchmarks. EVERYTHING HERE IS INVENTED: names are drawn at random from common name parts,
 * identity numbers are made up (valid in form only), phones are random. No record describes a
 * real person.
 *
 * The shape follows a rural Tianzhu township as DOMAIN.md and MISSION.md describe it: many
 * elders and children, few working-age adults (they work away), Han about 60 %, Tibetan 30 %,
 * Tu 6 %, Hui 3 %; households of grandparents raising grandchildren whose parents work in
 * Xinjiang or Zhejiang, old couples and elders alone, mothers at home, families with a disabled
 * member or on the minimum living allowance. A seeded PRNG makes the same seed give the same
 * people, so a demo or a benchmark can be rebuilt exactly.
 */

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Gender = 'male' | 'female';
type HouseholdTag = (typeof HOUSEHOLD_TAGS)[number];
type ChildSection = NonNullable<PersonInput['child']>;
type ElderSection = NonNullable<PersonInput['elder']>;
type ParentRecord = NonNullable<ChildSection['parents']>[number];
type ContactFrequency = NonNullable<ParentRecord['contactFrequency']>;

export type HouseholdKind = 'left_behind' | 'old_couple' | 'elder_alone' | 'mother_at_home' | 'disability' | 'low_income' | 'three_generations';

export interface SyntheticVillage {
  id: string;
  name: string;
}

export interface SyntheticBenefit {
  benefit: BenefitCode;
  status: 'receiving' | 'applied';
  appliedOn: string | null;
  since: string | null;
}

export interface SyntheticResident {
  id: string;
  /** What a worker would type in: prepared and checked by `PersonPreparer` like any other file. */
  input: PersonInput;
  benefits: SyntheticBenefit[];
}

export interface SyntheticHousehold {
  id: string;
  kind: HouseholdKind;
  villageId: string;
  address: string;
  tags: HouseholdTag[];
  /** The first member is the head (户主). */
  headPersonId: string;
  members: SyntheticResident[];
}

export interface ResidentGeneratorOptions {
  seed: number;
  /** The day ages are counted on (YYYY-MM-DD, Asia/Shanghai). */
  today: string;
  /** 安远镇: for schools and addresses. */
  townName: string;
  villages: readonly SyntheticVillage[];
  /** The county's region code in identity numbers; Tianzhu is 620623. */
  regionCode?: string;
  /** Makes record ids; UUIDv7 by default. Tests pass a counter so that output compares exactly. */
  newId?: () => string;
}

// ---------------------------------------------------------------------------------------------
// Name parts. Common in Gansu and among Tianzhu's Tibetan, Tu and Hui families; combined at random.

const HAN_SURNAMES: [string, number][] = [
  ['王', 9], ['李', 9], ['张', 8], ['马', 8], ['杨', 8], ['刘', 6], ['陈', 5], ['赵', 5], ['祁', 4], ['韩', 4], ['孙', 3], ['朱', 3],
  ['魏', 3], ['何', 3], ['郭', 3], ['蒲', 2], ['苏', 2], ['汪', 2], ['胡', 2], ['吴', 2], ['周', 2], ['徐', 2], ['鲁', 2], ['冯', 2],
  ['董', 2], ['曹', 2], ['谢', 1], ['石', 2], ['任', 1], ['高', 2], ['罗', 1], ['黄', 1], ['贾', 1], ['闫', 1], ['田', 1], ['白', 1],
];
const HAN_GIVEN: Record<'old' | 'middle' | 'young', Record<Gender, string[]>> = {
  old: {
    male: ['建国', '国庆', '福寿', '永福', '德明', '有才', '生福', '玉林', '金山', '保国', '发财', '万福', '长春', '占魁', '振华', '登科', '文元', '得禄', '存良', '世荣', '明', '福', '财', '海'],
    female: ['秀英', '桂英', '兰英', '玉兰', '凤英', '秀兰', '桂兰', '翠花', '玉梅', '菊花', '淑珍', '金花', '春梅', '改兰', '存英', '梅', '兰', '英', '芳'],
  },
  middle: {
    male: ['志刚', '海龙', '文斌', '宏伟', '建军', '永红', '国栋', '小军', '成林', '俊杰', '东升', '学军', '世明', '海平', '伟', '强', '军', '涛', '勇', '斌', '刚'],
    female: ['丽娟', '海燕', '红霞', '彩霞', '小燕', '玉霞', '春燕', '丽', '娟', '霞', '艳', '燕', '敏', '静', '晓红', '秀芳', '桂香'],
  },
  young: {
    male: ['浩宇', '宇轩', '子豪', '博文', '浩然', '俊熙', '梓豪', '一鸣', '子轩', '天佑', '嘉豪', '明轩', '瑞', '鑫', '磊', '昊', '宇'],
    female: ['子涵', '梓萱', '欣怡', '雨桐', '思雨', '一诺', '紫涵', '佳怡', '诗涵', '可馨', '雨欣', '梦琪', '瑶', '萱', '悦', '婷', '妍'],
  },
};
const TIBETAN_MALE = ['才让', '多吉', '旦增', '索南', '扎西', '加措', '贡布', '尼玛', '桑杰', '洛桑', '东智', '更登', '华旦', '完玛', '仁青', '达瓦', '格桑', '久美', '三知', '南加', '官却', '闹日'];
const TIBETAN_FEMALE = ['卓玛', '拉毛', '措毛', '央金', '德吉', '卓嘎', '白玛', '曲珍', '拉姆', '才吉', '拉毛草', '卓玛草', '吉毛', '完玛吉', '草毛', '措吉'];
/** Endings that make a name female: 东智吉, 才让草. */
const TIBETAN_FEMALE_ENDINGS = ['吉', '草', '措毛'];
const TU_SURNAMES = ['祁', '李', '鲁', '星', '吉', '秦', '甘', '张'];
const HUI_SURNAMES: [string, number][] = [['马', 10], ['韩', 4], ['冶', 2], ['撒', 1], ['喇', 1], ['穆', 1], ['杨', 2], ['丁', 1]];
const MONGOL_NAMES: Record<Gender, string[]> = { male: ['巴特尔', '那仁', '宝力道', '额尔敦', '巴图'], female: ['其其格', '乌云', '萨仁', '娜仁花', '高娃'] };

const DISABILITY_TYPES = ['肢体', '视力', '听力', '言语', '智力', '精神', '多重'];
const WORK_PLACES: [string, string][] = [
  ['新疆', '乌鲁木齐'], ['新疆', '库尔勒'], ['新疆', '昌吉'], ['浙江', '宁波'], ['浙江', '义乌'], ['甘肃', '兰州'], ['甘肃', '武威'], ['甘肃', '金昌'],
  ['广东', '东莞'], ['广东', '深圳'], ['江苏', '苏州'], ['青海', '西宁'], ['内蒙古', '鄂尔多斯'], ['宁夏', '银川'], ['陕西', '西安'],
];
const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '173', '177', '180', '181', '182', '187', '189', '191', '199'];

const ETHNICITY_SHARES: [EthnicityCode, number][] = [['han', 60], ['tibetan', 30], ['tu', 6], ['hui', 3], ['mongol', 0.5], ['manchu', 0.5]];
const HOUSEHOLD_SHARES: [HouseholdKind, number][] = [
  ['left_behind', 30], ['old_couple', 22], ['elder_alone', 15], ['mother_at_home', 12], ['disability', 8], ['low_income', 8], ['three_generations', 5],
];
const CONTACT_SHARES: [ContactFrequency, number][] = [['daily', 8], ['weekly', 47], ['monthly', 30], ['rarely', 12], ['never', 3]];
const RISK_SHARES: [RiskLevel, number][] = [['high', 10], ['medium', 30], ['low', 60]];

interface Family {
  ethnicity: EthnicityCode;
  /** Paternal surname, for ethnicities that use one (Tibetan names have none). */
  surname: string | null;
}

interface Draft {
  id: string;
  name: string;
  gender: Gender;
  age: number;
  relation: string;
  groups: Set<GroupCode>;
  extra: Partial<PersonInput>;
  benefits: SyntheticBenefit[];
  hasPhone: boolean;
  /** Health is drawn unless the household says otherwise. */
  health?: PersonInput['health'];
}

export class ResidentGenerator {
  private readonly random: () => number;
  private readonly newId: () => string;
  private readonly regionCode: string;
  private readonly usedIdNumbers = new Set<string>();
  private readonly usedPhones = new Set<string>();
  private readonly childDirectors = new Map<string, { name: string; phone: string }>();
  private readonly houseNumbers = new Map<string, number>();
  private readonly draftPhones = new Map<string, string>();

  constructor(private readonly options: ResidentGeneratorOptions) {
    if (options.villages.length === 0) throw new Error('ResidentGenerator needs at least one village');
    this.random = mulberry32(options.seed);
    this.newId = options.newId ?? uuidv7;
    this.regionCode = options.regionCode ?? '620623';
  }

  /** Households whose members add up to exactly `people` residents. */
  households(people: number): SyntheticHousehold[] {
    const result: SyntheticHousehold[] = [];
    let remaining = people;
    while (remaining > 0) {
      let household = this.household();
      // The last household must fit: an elder living alone always does.
      if (household.members.length > remaining) household = this.household('elder_alone');
      result.push(household);
      remaining -= household.members.length;
    }
    return result;
  }

  household(kind: HouseholdKind = this.weighted(HOUSEHOLD_SHARES)): SyntheticHousehold {
    const village = this.pick(this.options.villages);
    const family: Family = this.family();
    const drafts = this.members(kind, family, village);
    const id = this.newId();
    const address = this.address(village);
    const tags = new Set<HouseholdTag>();
    if (kind === 'left_behind') tags.add('migrant_family');
    if (drafts.some((d) => d.groups.has('low_income'))) tags.add('dibao_household');
    if (drafts.some((d) => d.groups.has('extreme_poverty'))) tags.add('tekun_household');
    if (drafts.some((d) => d.groups.has('disabled'))) tags.add('disability_household');
    const members = drafts.map((draft) => this.finish(draft, { householdId: id, villageId: village.id, address }));
    return { id, kind, villageId: village.id, address, tags: [...tags], headPersonId: members[0]!.id, members };
  }

  // -------------------------------------------------------------------------------------------
  // Households

  private members(kind: HouseholdKind, family: Family, village: SyntheticVillage): Draft[] {
    switch (kind) {
      case 'left_behind':
        return this.leftBehind(family, village);
      case 'old_couple':
        return this.oldCouple(family);
      case 'elder_alone':
        return this.elderAlone(family);
      case 'mother_at_home':
        return this.motherAtHome(family, village);
      case 'disability':
        return this.disabilityHousehold(family, village);
      case 'low_income':
        return this.lowIncome(family, village);
      case 'three_generations':
        return this.threeGenerations(family, village);
    }
  }

  /** Grandparents raising grandchildren whose parents both work away (留守儿童). */
  private leftBehind(family: Family, village: SyntheticVillage): Draft[] {
    const both = this.chance(0.7);
    const grandfatherFirst = both || this.chance(0.4);
    const grandparents: Draft[] = [];
    if (grandfatherFirst) grandparents.push(this.draft(family, 'male', this.int(58, 80), '户主', true));
    if (both || !grandfatherFirst) {
      const age = grandparents[0] ? this.clamp(grandparents[0].age + this.int(-6, 2), 55, 85) : this.int(58, 80);
      grandparents.push(this.draft({ ...family, surname: this.otherSurname(family) }, 'female', age, grandparents[0] ? '配偶' : '户主', true));
    }
    for (const elder of grandparents) this.elderGroups(elder, 'with_relatives', false);
    const guardian = grandparents[grandparents.length === 2 && this.chance(0.5) ? 1 : 0]!;
    guardian.hasPhone = true;
    const parents = this.absentParents(family, true);
    const risk = this.weighted(RISK_SHARES);
    const children = this.children(family, village, this.int(1, 3), [3, 15], (child) => {
      child.groups.add('left_behind_child');
      child.relation = child.gender === 'male' ? '孙子' : '孙女';
      const capacity = risk === 'high' ? 'poor' : risk === 'medium' ? 'fair' : 'good';
      child.extra.riskLevel = risk;
      child.extra.livingSituation = 'with_grandparents';
      child.extra.child = {
        ...child.extra.child,
        parents,
        guardian: { personId: guardian.id, name: guardian.name, phone: null, relation: guardian.gender === 'male' ? '祖父' : '祖母', capacity },
        guardianshipType: risk === 'high' ? 'entrusted_incapable' : risk === 'medium' ? 'fair' : 'good',
      };
      if (risk === 'high' && this.chance(0.3)) child.groups.add('child_in_difficulty');
    });
    for (const child of children) {
      if (child.extra.child?.guardian) child.extra.child.guardian.phone = this.phoneOf(guardian);
    }
    return [...grandparents, ...children];
  }

  /** An old couple whose children all live away (空巢). */
  private oldCouple(family: Family): Draft[] {
    const husband = this.draft(family, 'male', this.int(62, 90), '户主', true);
    const wife = this.draft({ ...family, surname: this.otherSurname(family) }, 'female', this.clamp(husband.age + this.int(-6, 2), 60, 92), '配偶', true);
    const away = this.childrenAway(family, this.int(1, 4));
    for (const elder of [husband, wife]) {
      this.elderGroups(elder, 'with_spouse', true);
      elder.extra.elder = { ...elder.extra.elder, childrenAway: away, emergencyContact: away[0] ? { name: away[0].name, phone: away[0].phone ?? null, relation: '子女' } : null };
    }
    return [husband, wife];
  }

  /** An elder alone: a widow or widower whose children are away (空巢), or with none to rely on (孤寡). */
  private elderAlone(family: Family): Draft[] {
    const gender: Gender = this.chance(0.6) ? 'female' : 'male';
    const elder = this.draft(gender === 'female' ? { ...family, surname: this.otherSurname(family) } : family, gender, this.int(65, 95), '户主', true);
    this.elderGroups(elder, 'alone', false);
    if (this.chance(0.65)) {
      elder.groups.add('empty_nest_elder');
      const away = this.childrenAway(family, this.int(1, 3));
      elder.extra.elder = { ...elder.extra.elder, childrenAway: away, emergencyContact: { name: away[0]!.name, phone: away[0]!.phone ?? null, relation: '子女' } };
    } else {
      elder.groups.add('solitary_elder');
      elder.extra.elder = { ...elder.extra.elder, emergencyContact: { name: this.name(this.family(), 'male', 50), phone: this.phone(), relation: '村干部' } };
      if (this.chance(0.5)) {
        elder.groups.add('extreme_poverty');
        elder.benefits.push(this.benefit('tekun', 'receiving'));
      }
    }
    return [elder];
  }

  /** A mother at home with her children while the father works away. */
  private motherAtHome(family: Family, village: SyntheticVillage): Draft[] {
    const mother = this.draft({ ...family, surname: this.otherSurname(family) }, 'female', this.int(24, 42), '户主', false);
    mother.hasPhone = true;
    mother.groups.add('woman');
    mother.extra.riskLevel = this.weighted(RISK_SHARES);
    mother.extra.livingSituation = 'with_children';
    const [father] = this.absentParents(family, false);
    const homeMother: ParentRecord = { role: 'mother', name: mother.name, phone: null, status: 'home', workProvince: null, workCity: null, contactFrequency: 'daily' };
    const children = this.children(family, village, this.int(1, 3), [1, Math.min(17, mother.age - 18)], (child) => {
      child.relation = child.gender === 'male' ? '儿子' : '女儿';
      child.extra.livingSituation = 'with_parents';
      child.extra.child = { ...child.extra.child, parents: [father!, homeMother], guardian: { name: mother.name, phone: null, relation: '母亲', capacity: 'good' }, guardianshipType: 'good' };
      if (this.chance(0.6)) child.groups.add('other_child');
      if (this.chance(0.15)) child.groups.add('child_in_difficulty');
    });
    for (const child of children) {
      if (child.extra.child?.guardian) child.extra.child.guardian.phone = this.phoneOf(mother);
      if (child.extra.child?.parents?.[1]) child.extra.child.parents[1].phone = this.phoneOf(mother);
    }
    return [mother, ...children];
  }

  /** An adult with a disability cared for by ageing parents. */
  private disabilityHousehold(family: Family, village: SyntheticVillage): Draft[] {
    const father = this.draft(family, 'male', this.int(55, 82), '户主', true);
    const members: Draft[] = [father];
    if (this.chance(0.7)) members.push(this.draft({ ...family, surname: this.otherSurname(family) }, 'female', this.clamp(father.age + this.int(-5, 1), 52, 85), '配偶', true));
    for (const parent of members) {
      if (parent.age >= 60) this.elderGroups(parent, 'with_children', false);
    }
    const gender: Gender = this.chance(0.55) ? 'male' : 'female';
    const age = this.clamp(father.age - this.int(22, 32), 0, 55);
    const disabled = this.draft(family, gender, age, gender === 'male' ? '儿子' : '女儿', age >= 18 && this.chance(0.3));
    const grade = this.weighted<number>([[1, 15], [2, 30], [3, 30], [4, 25]]);
    disabled.groups.add('disabled');
    disabled.health = 'disabled';
    disabled.extra.disabilityType = this.pick(DISABILITY_TYPES);
    disabled.extra.disabilityGrade = grade;
    disabled.extra.livingSituation = 'with_parents';
    disabled.extra.riskLevel = this.weighted(RISK_SHARES);
    if (age < 18) {
      disabled.groups.add('child_in_difficulty');
      disabled.extra.child = this.childSection(village, age);
    }
    if (grade <= 2 && this.chance(0.7)) disabled.benefits.push(this.benefit('disability_care', this.chance(0.85) ? 'receiving' : 'applied'));
    if (this.chance(0.45)) {
      for (const member of [...members, disabled]) member.groups.add('low_income');
      disabled.benefits.push(this.benefit('dibao', 'receiving'));
      if (this.chance(0.6)) disabled.benefits.push(this.benefit('disability_living', 'receiving'));
    }
    return [...members, disabled];
  }

  /** A middle-aged couple on the minimum living allowance (低保), or in difficulty without it. */
  private lowIncome(family: Family, village: SyntheticVillage): Draft[] {
    const onDibao = this.chance(0.7);
    const husband = this.draft(family, 'male', this.int(35, 59), '户主', true);
    const wife = this.draft({ ...family, surname: this.otherSurname(family) }, 'female', this.clamp(husband.age + this.int(-5, 2), 30, 59), '配偶', true);
    const adults = [husband, wife];
    if (this.chance(0.5)) wife.groups.add('woman');
    for (const adult of adults) {
      adult.groups.add(onDibao ? 'low_income' : 'needy_household');
      adult.extra.riskLevel = this.weighted(RISK_SHARES);
      if (this.chance(0.25)) adult.health = 'chronic_illness';
    }
    if (onDibao) husband.benefits.push(this.benefit('dibao', 'receiving'));
    const children = this.children(family, village, this.int(0, 2), [2, Math.min(17, wife.age - 19)], (child) => {
      child.relation = child.gender === 'male' ? '儿子' : '女儿';
      child.extra.livingSituation = 'with_parents';
      child.extra.child = {
        ...child.extra.child,
        parents: [
          { role: 'father', name: husband.name, phone: null, status: 'home', workProvince: null, workCity: null, contactFrequency: 'daily' },
          { role: 'mother', name: wife.name, phone: null, status: 'home', workProvince: null, workCity: null, contactFrequency: 'daily' },
        ],
      };
      if (this.chance(0.5)) child.groups.add('child_in_difficulty');
      if (onDibao) child.groups.add('low_income');
    });
    return [...adults, ...children];
  }

  /** Grandparent, a son and his wife at home, and their children. */
  private threeGenerations(family: Family, village: SyntheticVillage): Draft[] {
    const elder = this.draft(this.chance(0.5) ? family : { ...family, surname: this.otherSurname(family) }, this.chance(0.5) ? 'male' : 'female', this.int(62, 88), '户主', true);
    this.elderGroups(elder, 'with_children', false);
    const son = this.draft(family, 'male', this.clamp(elder.age - this.int(24, 32), 28, 58), '儿子', false);
    son.hasPhone = true;
    const wife = this.draft({ ...family, surname: this.otherSurname(family) }, 'female', this.clamp(son.age + this.int(-4, 1), 24, 58), '儿媳', false);
    wife.hasPhone = true;
    if (this.chance(0.3)) wife.groups.add('woman');
    if (this.chance(0.08)) {
      son.groups.add('disabled');
      son.health = 'disabled';
      son.extra.disabilityType = this.pick(DISABILITY_TYPES);
      son.extra.disabilityGrade = this.int(3, 4);
    }
    const children = this.children(family, village, this.int(1, 2), [1, Math.min(17, wife.age - 19)], (child) => {
      child.relation = child.gender === 'male' ? '孙子' : '孙女';
      child.extra.livingSituation = 'with_parents';
      if (this.chance(0.5)) child.groups.add('other_child');
    });
    return [elder, son, wife, ...children];
  }

  // -------------------------------------------------------------------------------------------
  // People

  private draft(family: Family, gender: Gender, age: number, relation: string, elderly: boolean): Draft {
    return {
      id: this.newId(),
      name: this.name(family, gender, age),
      gender,
      age,
      relation,
      groups: new Set(),
      extra: { ethnicity: family.ethnicity },
      benefits: [],
      hasPhone: elderly ? this.chance(0.55) : this.chance(0.9),
    };
  }

  private elderGroups(elder: Draft, living: NonNullable<PersonInput['livingSituation']>, emptyNest: boolean): void {
    elder.extra.livingSituation = living;
    if (elder.age < 60) return;
    elder.groups.add('elder');
    if (emptyNest) elder.groups.add('empty_nest_elder');
    elder.extra.riskLevel = this.weighted(RISK_SHARES);
    const selfCare = this.weighted<NonNullable<ElderSection['selfCare']>>([['independent', 72], ['partly', 22], ['unable', 6]]);
    elder.extra.elder = { ...elder.extra.elder, selfCare };
    elder.health = this.weighted<NonNullable<PersonInput['health']>>([['healthy', 35], ['chronic_illness', 52], ['serious_illness', 13]]);
    if (this.chance(0.07)) {
      elder.groups.add('disabled');
      elder.health = 'disabled';
      elder.extra.disabilityType = this.pick(['肢体', '视力', '听力', '多重']);
      elder.extra.disabilityGrade = this.int(1, 4);
      if (elder.extra.disabilityGrade <= 2 && this.chance(0.6)) elder.benefits.push(this.benefit('disability_care', 'receiving'));
    }
    if (this.chance(0.12)) {
      elder.groups.add('low_income');
      elder.benefits.push(this.benefit('dibao', 'receiving'));
    }
    if (elder.age >= 80 && this.chance(0.8)) elder.benefits.push(this.benefit('old_age_allowance', this.chance(0.9) ? 'receiving' : 'applied'));
  }

  /** Children with ages inside [min, max], spaced like siblings; `shape` adds the household's part. */
  private children(family: Family, village: SyntheticVillage, count: number, [min, max]: [number, number], shape: (child: Draft) => void): Draft[] {
    const children: Draft[] = [];
    if (max < min) return children;
    let age = this.int(min, max);
    for (let i = 0; i < count && age >= min; i++) {
      const gender: Gender = this.chance(0.52) ? 'male' : 'female';
      const child = this.draft(family, gender, age, '', false);
      child.hasPhone = age >= 16 && this.chance(0.5);
      child.health = this.weighted<NonNullable<PersonInput['health']>>([['healthy', 93], ['chronic_illness', 5], ['serious_illness', 2]]);
      child.extra.child = this.childSection(village, age);
      shape(child);
      if (gender === 'female' && family.ethnicity !== 'han' && age < 18 && this.chance(0.6)) child.groups.add('minority_girl');
      if (child.groups.size > 0 && !child.extra.riskLevel) child.extra.riskLevel = this.weighted(RISK_SHARES);
      children.push(child);
      age -= this.int(1, 4);
    }
    return children;
  }

  private childSection(village: SyntheticVillage, age: number): ChildSection {
    const town = this.options.townName;
    const stage: ChildSection['schooling'] = age < 3 ? 'none' : age < 6 ? 'kindergarten' : age < 12 ? 'primary' : age < 15 ? 'junior' : age < 18 ? this.pick(['senior', 'vocational', 'senior', 'dropped_out'] as const) : null;
    const school =
      stage === 'kindergarten' ? `${town}中心幼儿园`
      : stage === 'primary' ? (this.chance(0.6) ? `${town}中心小学` : `${village.name.replace(/村$/, '')}小学`)
      : stage === 'junior' ? `${town}初级中学`
      : stage === 'senior' ? '天祝县第一中学'
      : stage === 'vocational' ? '天祝县职业中等专业学校'
      : null;
    const grade = stage === 'primary' ? `${['一', '二', '三', '四', '五', '六'][age - 6]}年级` : stage === 'junior' ? `初${['一', '二', '三'][age - 12]}` : null;
    return {
      schooling: stage,
      school,
      grade,
      boarding: stage === 'junior' || stage === 'senior' ? this.chance(0.7) : false,
      hukouRegistered: this.chance(0.97),
      childDirector: this.childDirector(village),
    };
  }

  /** Father and mother working away, as the 2016 form records them. */
  private absentParents(family: Family, motherAlsoAway: boolean): ParentRecord[] {
    const [province, city] = this.pick(WORK_PLACES);
    const frequency = this.weighted(CONTACT_SHARES);
    const father: ParentRecord = {
      role: 'father',
      name: this.name(family, 'male', 35),
      phone: this.phone(),
      status: 'away',
      workProvince: province,
      workCity: city,
      contactFrequency: frequency,
    };
    if (!motherAlsoAway) return [father];
    const motherStatus = this.weighted<ParentRecord['status']>([['away', 85], ['unable', 8], ['missing', 4], ['deceased', 3]]);
    const [motherProvince, motherCity] = this.chance(0.8) ? [province, city] : this.pick(WORK_PLACES);
    const mother: ParentRecord = {
      role: 'mother',
      name: this.name({ ...family, surname: this.otherSurname(family) }, 'female', 33),
      phone: motherStatus === 'away' ? this.phone() : null,
      status: motherStatus,
      workProvince: motherStatus === 'away' ? motherProvince : null,
      workCity: motherStatus === 'away' ? motherCity : null,
      contactFrequency: motherStatus === 'away' ? frequency : null,
    };
    return [father, mother];
  }

  private childrenAway(family: Family, count: number): NonNullable<ElderSection['childrenAway']> {
    return Array.from({ length: count }, () => {
      const [province, city] = this.pick(WORK_PLACES);
      return { name: this.name(family, this.chance(0.5) ? 'male' : 'female', 40), phone: this.phone(), place: `${province}${city}`, contactFrequency: this.weighted(CONTACT_SHARES) };
    });
  }

  private finish(draft: Draft, where: { householdId: string; villageId: string; address: string }): SyntheticResident {
    const birthDate = this.birthDate(draft.age);
    const withNumber = this.chance(0.97);
    const groups = [...draft.groups];
    const consentBy = draft.age < 14 ? 'guardian' : 'self';
    const input: PersonInput = {
      name: draft.name,
      villageId: where.villageId,
      householdId: where.householdId,
      relationToHead: draft.relation,
      ...(withNumber ? { idNumber: this.idNumber(birthDate, draft.gender) } : { gender: draft.gender, birthDate }),
      phone: draft.hasPhone ? this.phoneOf(draft) : null,
      address: where.address,
      health: draft.health ?? (draft.age >= 60 ? 'chronic_illness' : 'healthy'),
      ...draft.extra,
      groups,
      riskLevel: groups.length > 0 ? (draft.extra.riskLevel ?? this.weighted(RISK_SHARES)) : null,
      consent:
        groups.length > 0
          ? { given: true, by: consentBy, guardianName: consentBy === 'guardian' ? (draft.extra.child?.guardian?.name ?? null) : null, on: this.dayWithin(700), note: null }
          : null,
    };
    return { id: draft.id, input, benefits: draft.benefits };
  }

  // -------------------------------------------------------------------------------------------
  // Names, numbers, dates

  private family(): Family {
    const ethnicity = this.weighted(ETHNICITY_SHARES);
    switch (ethnicity) {
      case 'tibetan':
        return { ethnicity, surname: null };
      case 'tu':
        return { ethnicity, surname: this.pick(TU_SURNAMES) };
      case 'hui':
        return { ethnicity, surname: this.weighted(HUI_SURNAMES) };
      case 'mongol':
        return { ethnicity, surname: null };
      default:
        return { ethnicity, surname: this.weighted(HAN_SURNAMES) };
    }
  }

  /** A wife or mother keeps her own surname (drawn from the same community). */
  private otherSurname(family: Family): string | null {
    if (family.surname === null) return null;
    if (family.ethnicity === 'hui') return this.weighted(HUI_SURNAMES);
    if (family.ethnicity === 'tu') return this.pick(TU_SURNAMES);
    return this.weighted(HAN_SURNAMES);
  }

  private name(family: Family, gender: Gender, age: number): string {
    if (family.ethnicity === 'tibetan' || (family.ethnicity === 'tu' && this.chance(0.35))) {
      const name = this.tibetanName(gender);
      // Many Tu families put a Han surname before a Tibetan given name (祁才让).
      return family.surname && name.length <= 3 ? `${family.surname}${name}` : name;
    }
    if (family.ethnicity === 'mongol') return this.pick(MONGOL_NAMES[gender]);
    const generation = age >= 55 ? 'old' : age >= 25 ? 'middle' : 'young';
    return `${family.surname ?? this.weighted(HAN_SURNAMES)}${this.pick(HAN_GIVEN[generation][gender])}`;
  }

  /** 2–4 characters: 才让, 拉毛草, 扎西才让, 才让卓玛, 东智吉. */
  private tibetanName(gender: Gender): string {
    for (;;) {
      let name: string;
      if (gender === 'male') {
        name = this.chance(0.55) ? this.pick(TIBETAN_MALE) : `${this.pick(TIBETAN_MALE)}${this.pick(TIBETAN_MALE)}`;
      } else {
        const roll = this.random();
        name = roll < 0.45 ? this.pick(TIBETAN_FEMALE) : roll < 0.8 ? `${this.pick(TIBETAN_MALE)}${this.pick(TIBETAN_FEMALE)}` : `${this.pick(TIBETAN_MALE)}${this.pick(TIBETAN_FEMALE_ENDINGS)}`;
      }
      if (name.length >= 2 && name.length <= 4 && name.slice(0, 2) !== name.slice(2, 4)) return name;
    }
  }

  /** GB 11643: region, birth date, sequence (odd for men, even for women), check character. */
  private idNumber(birthDate: string, gender: Gender): string {
    for (;;) {
      const sequence = this.int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = `${this.regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      const value = first17 + checkCharacter(first17);
      if (!this.usedIdNumbers.has(value)) {
        this.usedIdNumbers.add(value);
        return value;
      }
    }
  }

  private phone(): string {
    for (;;) {
      const value = `${this.pick(PHONE_PREFIXES)}${String(this.int(0, 99_999_999)).padStart(8, '0')}`;
      if (!this.usedPhones.has(value)) {
        this.usedPhones.add(value);
        return value;
      }
    }
  }

  /** The phone a household member is reached on (stable for the draft, made on first use). */
  private phoneOf(draft: Draft): string {
    let phone = this.draftPhones.get(draft.id);
    if (!phone) {
      phone = this.phone();
      this.draftPhones.set(draft.id, phone);
    }
    return phone;
  }

  /** A birth date that makes the person exactly `age` today. */
  private birthDate(age: number): string {
    const [y, m, d] = this.options.today.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y - age, m - 1, d));
    date.setUTCDate(date.getUTCDate() - this.int(1, 360));
    const value = date.toISOString().slice(0, 10);
    return ageOn(value, this.options.today) === age ? value : this.birthDate(age);
  }

  private dayWithin(days: number): string {
    const [y, m, d] = this.options.today.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d - this.int(0, days))).toISOString().slice(0, 10);
  }

  private benefit(benefit: BenefitCode, status: SyntheticBenefit['status']): SyntheticBenefit {
    const day = this.dayWithin(5 * 365);
    return { benefit, status, appliedOn: day, since: status === 'receiving' ? day : null };
  }

  private childDirector(village: SyntheticVillage): { name: string; phone: string } {
    let director = this.childDirectors.get(village.id);
    if (!director) {
      director = { name: this.name(this.family(), 'female', 40), phone: this.phone() };
      this.childDirectors.set(village.id, director);
    }
    return director;
  }

  private address(village: SyntheticVillage): string {
    const next = (this.houseNumbers.get(village.id) ?? 0) + 1;
    this.houseNumbers.set(village.id, next);
    return `${this.options.townName}${village.name}${Math.ceil(next / 40)}社${next}号`;
  }

  // -------------------------------------------------------------------------------------------
  // Randomness

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private clamp(value: number, min: number, max: number): number {
    return Math.max(min, Math.min(max, value));
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  private weighted<T>(shares: readonly (readonly [T, number])[]): T {
    const total = shares.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.random() * total;
    for (const [value, weight] of shares) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return shares[shares.length - 1]![0];
  }
}

/** Every resident of the households, in order. */
export function residentsOf(households: readonly SyntheticHousehold[]): SyntheticResident[] {
  return households.flatMap((household) => household.members);
}
