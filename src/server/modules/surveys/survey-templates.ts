import type { GroupCode, NeedTypeCode, QuestionType, SurveyMode } from '../../../shared/codes';
import type { Label, Lang } from '../../../shared/i18n';
import type { Question, SurveyTemplate } from '../../../shared/schemas/surveys';

/**
 * The ready-made needs surveys for the three groups of the station's preliminary research
 * (前期调研): elders, left-behind children and women. Each is a home-visit instrument a worker
 * fills in with the respondent; the prompts tell the interviewer how to ask in interview mode.
 * Options that express a need carry DOMAIN.md's need type, so the responses feed the needs
 * ranking. Keys and option values are stable codes: demo data and analyses rely on them.
 */

interface TemplateOption {
  value: string;
  label: Label;
  needType?: NeedTypeCode;
}

interface TemplateQuestion {
  key: string;
  type: QuestionType;
  section: Label;
  text: Label;
  prompt?: Label;
  help?: Label;
  required?: boolean;
  options?: TemplateOption[];
  maxChoices?: number;
  scale?: { min: number; max: number; minLabel: Label; maxLabel: Label };
  range?: { min?: number; max?: number; integer?: boolean; unit?: Label };
  showIf?: { key: string; equals: string | number };
}

interface Template {
  key: string;
  audience: GroupCode;
  mode: SurveyMode;
  title: Label;
  description: Label;
  questions: TemplateQuestion[];
}

const l = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const o = (value: string, zh: string, en: string, needType?: NeedTypeCode): TemplateOption => ({ value, label: l(zh, en), ...(needType ? { needType } : {}) });

const YES = o('yes', '是', 'Yes');
const NO = o('no', '否', 'No');

// ---------------------------------------------------------------------------------------------
// Elders (老年人)

const E1 = l('一、基本情况', '1. About you');
const E2 = l('二、健康与照料', '2. Health and care');
const E3 = l('三、日常生活与精神状况', '3. Daily life and spirits');
const E4 = l('四、需求与期望', '4. Needs and wishes');

const elder: Template = {
  key: 'elder',
  audience: 'elder',
  mode: 'interview',
  title: l('老年人服务需求调查（入户访谈）', 'Elderly needs survey (home-visit interview)'),
  description: l(
    '本调查由社工站在入户探访时开展，用于了解老年人在健康、照料、精神生活等方面的需求，以便安排服务和活动。回答自愿，个人信息严格保密，仅用于社工服务。开始前请向老人说明来意并征得同意；老人听力或表达不便时，可请家人协助，但以老人本人意见为准。',
    'The station carries out this survey on home visits to learn what elders need in health, care and daily life, so that services and activities follow their needs. Answering is voluntary; personal information is kept confidential and used only for the station’s work. Explain the purpose and ask for consent first; family may help an elder who hears or speaks with difficulty, but record the elder’s own view.',
  ),
  questions: [
    {
      key: 'living',
      type: 'single',
      section: E1,
      required: true,
      text: l('您现在和谁一起住？', 'Who do you live with now?'),
      prompt: l('用聊天的方式问，如“平时家里都有谁？”；表述不清时可结合屋内情况判断，事后再向村干部核实。', 'Ask it as conversation ("Who is at home with you these days?"); if unclear, judge from the home and check with the village later.'),
      options: [
        o('alone', '独自居住', 'Alone'),
        o('spouse', '只和老伴同住', 'With my spouse only'),
        o('children', '和子女同住', 'With my children'),
        o('grandchildren', '和孙辈同住（子女在外）', 'With grandchildren (children away)'),
        o('other', '其他', 'Other'),
      ],
    },
    {
      key: 'children_away',
      type: 'single',
      section: E1,
      required: true,
      text: l('您的子女是否在外地工作或生活？', 'Do your children work or live elsewhere?'),
      options: [
        o('all_away', '都在外地', 'All of them are away'),
        o('some_away', '有的在外地', 'Some are away'),
        o('all_near', '都在身边', 'All live nearby'),
        o('no_children', '没有子女', 'I have no children'),
      ],
    },
    {
      key: 'children_contact',
      type: 'single',
      section: E1,
      text: l('在外地的子女多久和您联系一次（打电话或视频）？', 'How often do your children away contact you (call or video)?'),
      prompt: l('只在子女都在外地时问。如老人说“经常”，请追问大约几天一次。', 'Asked only when all children are away. If the elder says "often", ask roughly how many days apart.'),
      showIf: { key: 'children_away', equals: 'all_away' },
      options: [
        o('weekly', '每周至少一次', 'At least once a week'),
        o('monthly', '每月一两次', 'Once or twice a month'),
        o('rarely', '几个月一次', 'Every few months'),
        o('never', '基本不联系', 'Hardly ever'),
      ],
    },
    {
      key: 'health_self',
      type: 'scale',
      section: E2,
      required: true,
      text: l('您觉得自己现在的身体状况怎么样？', 'How would you describe your health now?'),
      prompt: l('请老人从 1 到 5 打分：1 很差，5 很好。可以用手指比划。', 'Ask for a score from 1 (very poor) to 5 (very good); counting on fingers is fine.'),
      scale: { min: 1, max: 5, minLabel: l('很差', 'Very poor'), maxLabel: l('很好', 'Very good') },
    },
    {
      key: 'chronic',
      type: 'multi',
      section: E2,
      text: l('您有哪些长期的病痛？（可多选）', 'Which long-term conditions do you have? (choose all that apply)'),
      prompt: l('逐项念给老人听，以医生诊断或长期吃药为准。', 'Read each out; count what a doctor diagnosed or is treated with regular medicine.'),
      options: [
        o('hypertension', '高血压', 'High blood pressure'),
        o('diabetes', '糖尿病', 'Diabetes'),
        o('heart', '心脑血管病', 'Heart or stroke'),
        o('joints', '关节炎、腰腿痛', 'Arthritis, back or leg pain'),
        o('respiratory', '慢性支气管炎等呼吸道疾病', 'Chronic bronchitis or other lung disease'),
        o('none', '没有', 'None'),
      ],
    },
    {
      key: 'self_care',
      type: 'single',
      section: E2,
      required: true,
      text: l('吃饭、穿衣、洗澡、上厕所这些事，您自己能做吗？', 'Can you eat, dress, wash and use the toilet on your own?'),
      options: [o('yes', '都能自己做', 'Yes, all of them'), o('no', '有的需要别人帮忙', 'I need help with some')],
    },
    {
      key: 'carer',
      type: 'single',
      section: E2,
      text: l('平时主要是谁在照顾您？', 'Who mainly looks after you?'),
      prompt: l('如回答“没有人”，请在访谈记录中写明老人最困难的事，回站后报告站长。', 'If the answer is "nobody", note what the elder finds hardest and tell the manager on return.'),
      showIf: { key: 'self_care', equals: 'no' },
      options: [
        o('spouse', '老伴', 'My spouse'),
        o('children', '子女', 'My children'),
        o('relatives_neighbours', '亲戚或邻居', 'Relatives or neighbours'),
        o('nobody', '没有人照顾', 'Nobody'),
      ],
    },
    {
      key: 'clinic_minutes',
      type: 'number',
      section: E2,
      text: l('从家到最近的村卫生室或诊所，走路要多长时间？', 'How long does it take you to walk to the nearest village clinic?'),
      help: l('按老人平时的走法估算，单位：分钟。', "At the elder's usual pace, in minutes."),
      range: { min: 0, max: 600, integer: true, unit: l('分钟', 'minutes') },
    },
    {
      key: 'lonely',
      type: 'scale',
      section: E3,
      text: l('平时您会觉得孤单、没人说话吗？', 'Do you feel lonely, with nobody to talk to?'),
      prompt: l('1 从来不会，5 经常这样。如老人情绪低落，先停下来陪他聊一会儿。', '1 never, 5 often. If the elder becomes low, pause and keep them company for a while.'),
      scale: { min: 1, max: 5, minLabel: l('从来不会', 'Never'), maxLabel: l('经常', 'Often') },
    },
    {
      key: 'smartphone',
      type: 'single',
      section: E3,
      text: l('您会用智能手机视频通话、扫码付款吗？', 'Can you use a smartphone for video calls or paying by QR code?'),
      options: [
        o('yes', '会用', 'Yes'),
        o('a_little', '会一点', 'A little'),
        o('no', '不会', 'No'),
        o('no_phone', '没有智能手机', 'I have no smartphone'),
      ],
    },
    {
      key: 'fraud_contact',
      type: 'single',
      section: E3,
      text: l('近一年有没有人打电话或上门，向您推销保健品、要您转账或者说您中奖了？', 'In the past year, has anyone phoned or come to sell you health products, asked you to transfer money, or said you had won a prize?'),
      prompt: l('如有，询问是否有损失；有损失的请记录并告知老人可以报警（110）。', 'If so, ask whether money was lost; if it was, record it and tell the elder they can call the police (110).'),
      options: [o('yes', '有过', 'Yes'), o('no', '没有', 'No'), o('not_sure', '说不清', 'Not sure')],
    },
    {
      key: 'activities',
      type: 'multi',
      section: E3,
      maxChoices: 3,
      text: l('您平时喜欢做哪些活动？（最多选三项）', 'Which activities do you enjoy? (up to three)'),
      options: [
        o('dance', '广场舞、锅庄舞', 'Square or guozhuang dancing'),
        o('cards_chess', '下棋、打牌', 'Chess or cards'),
        o('singing', '唱歌、唱花儿', 'Singing, hua’er folk songs'),
        o('handicraft', '手工、刺绣', 'Handicrafts, embroidery'),
        o('reading', '读书看报、听广播', 'Reading or listening to the radio'),
        o('few', '很少参加活动', 'I rarely join in'),
      ],
    },
    {
      key: 'top_needs',
      type: 'rank',
      section: E4,
      required: true,
      maxChoices: 3,
      text: l('下面这些方面，您最需要哪些帮助？请选出最需要的三项，并按需要程度排序。', 'Which of these do you need most? Choose the three you need most and rank them.'),
      prompt: l('把每一项都念一遍并举例说明，再请老人说“最需要的、其次、再其次”。不要替老人选择。', 'Read every item with an example, then ask for "the most needed, then the next, then the next". Do not choose for the elder.'),
      options: [
        o('healthcare', '医疗保健（体检、慢病管理、送医送药）', 'Health care (check-ups, chronic illness, medicines)', 'healthcare'),
        o('elder_education', '老年教育（老年学校、健康讲座、学习班）', 'Elderly education (elder school, health talks, classes)', 'elder_education'),
        o('recreation', '文体娱乐（文艺活动、健身、节日联欢）', 'Culture, sports and recreation', 'recreation'),
        o('daily_care', '生活照料（打扫卫生、做饭、助浴）', 'Daily care (cleaning, cooking, bathing)', 'daily_care'),
        o('companionship', '精神慰藉（聊天陪伴、心理疏导）', 'Emotional support (company, counselling)', 'companionship'),
        o('digital_skills', '学用智能手机', 'Learning to use a smartphone', 'digital_skills'),
        o('anti_fraud', '防范诈骗', 'Fraud prevention', 'anti_fraud'),
        o('policy_access', '政策咨询与申请（养老金、高龄津贴、低保）', 'Policy advice and applications (pension, old-age allowance, dibao)', 'policy_access'),
      ],
    },
    {
      key: 'satisfaction',
      type: 'scale',
      section: E4,
      text: l('您对社工站目前提供的服务满意吗？', 'How satisfied are you with the station’s services so far?'),
      scale: { min: 1, max: 5, minLabel: l('很不满意', 'Very dissatisfied'), maxLabel: l('很满意', 'Very satisfied') },
    },
    {
      key: 'biggest_worry',
      type: 'text',
      section: E4,
      text: l('您现在最担心、最希望社工帮您解决的一件事是什么？', 'What is the one thing that worries you most, which you would most like the social worker to help with?'),
      prompt: l('请用老人自己的话记录，不要替老人归纳。', "Write it down in the elder's own words; do not summarise for them."),
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Left-behind children (留守儿童)

const C1 = l('一、基本情况', '1. About you');
const C2 = l('二、家庭与亲子联系', '2. Family and parents');
const C3 = l('三、学习与生活', '3. Study and daily life');
const C4 = l('四、心情与安全', '4. Feelings and safety');
const C5 = l('五、你的需要', '5. What you need');

const child: Template = {
  key: 'left_behind_child',
  audience: 'left_behind_child',
  mode: 'interview',
  title: l('留守儿童关爱服务需求调查', 'Left-behind children’s needs survey'),
  description: l(
    '本调查由社工在入户探访时与孩子一起完成，了解孩子在学习、生活、亲子联系和安全方面的困难与需要。请在监护人知情同意后进行，用孩子听得懂的话提问；孩子可以不回答任何问题。如发现孩子处于危险中，立即按强制报告程序处理。',
    'A worker completes this survey with the child on a home visit, to learn the child’s difficulties and needs in study, daily life, contact with parents and safety. Ask only with the guardian’s informed consent and in words the child understands; the child may skip any question. If you find the child in danger, follow the mandatory reporting procedure at once.',
  ),
  questions: [
    {
      key: 'grade',
      type: 'single',
      section: C1,
      required: true,
      text: l('你现在上几年级？', 'Which year are you in at school?'),
      options: [
        o('preschool', '幼儿园或学前班', 'Kindergarten or pre-school'),
        o('primary_1_3', '小学一至三年级', 'Primary years 1–3'),
        o('primary_4_6', '小学四至六年级', 'Primary years 4–6'),
        o('junior', '初中', 'Junior secondary'),
        o('not_in_school', '没有上学', 'Not in school'),
      ],
    },
    {
      key: 'boarding',
      type: 'single',
      section: C1,
      text: l('你平时住在学校吗？', 'Do you board at school?'),
      options: [YES, NO],
    },
    {
      key: 'carer',
      type: 'single',
      section: C2,
      required: true,
      text: l('平时主要是谁照顾你？', 'Who mainly looks after you?'),
      prompt: l('如果孩子说“自己照顾自己”，请核实孩子的年龄和住处：16 岁以下的孩子不能单独居住，需回站报告。', 'If the child says "I look after myself", check their age and where they sleep: a child under 16 may not live alone; report it at the station.'),
      options: [
        o('grandparents', '爷爷奶奶或外公外婆', 'Grandparents'),
        o('one_parent', '爸爸或妈妈（一方在家）', 'Father or mother (one is at home)'),
        o('relatives', '其他亲戚', 'Other relatives'),
        o('self', '自己照顾自己', 'I look after myself'),
      ],
    },
    {
      key: 'parent_contact',
      type: 'single',
      section: C2,
      required: true,
      text: l('在外打工的爸爸妈妈多久和你联系一次（打电话或视频）？', 'How often do your parents working away call or video-call you?'),
      prompt: l('依法外出务工的父母应至少每周联系孩子一次；少于每周一次的，请在档案中标注。', 'Parents working away must contact the child at least weekly; flag less than weekly on the child’s file.'),
      options: [
        o('weekly', '每周至少一次', 'At least once a week'),
        o('monthly', '每月一两次', 'Once or twice a month'),
        o('rarely', '几个月一次', 'Every few months'),
        o('never', '几乎不联系', 'Hardly ever'),
      ],
    },
    {
      key: 'parent_visits',
      type: 'number',
      section: C2,
      text: l('过去一年，爸爸妈妈回家一共几次？', 'How many times did your parents come home in the past year?'),
      range: { min: 0, max: 52, integer: true, unit: l('次', 'times') },
    },
    {
      key: 'homework_help',
      type: 'single',
      section: C3,
      text: l('写作业遇到不会的题，你一般怎么办？', 'When you get stuck on homework, what do you usually do?'),
      options: [
        o('ask_family', '问家里人', 'Ask someone at home'),
        o('ask_school', '第二天问老师或同学', 'Ask a teacher or classmate the next day'),
        o('search', '用手机查', 'Look it up on a phone'),
        o('leave_blank', '没人问，就空着', 'Nobody to ask, so I leave it'),
      ],
    },
    {
      key: 'biggest_trouble',
      type: 'single',
      section: C3,
      required: true,
      text: l('在学习和生活中，你最大的困扰是什么？', 'What troubles you most in your study and daily life?'),
      prompt: l('请孩子只选一项“最”困扰的。', 'Ask the child for the one thing that troubles them most.'),
      options: [
        o('homework', '作业没人辅导，功课跟不上', 'Nobody helps with homework; I am falling behind', 'tutoring'),
        o('miss_parents', '想爸爸妈妈，和他们说不上话', 'I miss my parents and can hardly talk with them', 'family_contact'),
        o('mood', '心情不好时没人可以说', 'Nobody to talk to when I feel down', 'psychological'),
        o('nothing_to_do', '课余没什么可玩，想学的东西没人教', 'Nothing to do after school; nobody teaches what I want to learn', 'interest_activities'),
        o('unsafe', '上学路上或在家里觉得不安全', 'I feel unsafe on the way to school or at home', 'safety_education'),
        o('none', '没有什么困扰', 'Nothing troubles me'),
      ],
    },
    {
      key: 'biggest_worry',
      type: 'single',
      section: C4,
      required: true,
      text: l('你最担心的事情是什么？', 'What worries you most?'),
      options: [
        o('safety', '安全问题（交通、溺水、用火用电、陌生人）', 'Safety (traffic, drowning, fire and electricity, strangers)', 'safety_education'),
        o('grades', '学习成绩', 'My marks at school', 'tutoring'),
        o('family', '家里人的身体和关系', "My family's health and how they get on", 'family_contact'),
        o('bullying', '被同学欺负或孤立', 'Being bullied or left out', 'psychological'),
        o('none', '没有特别担心的', 'Nothing in particular'),
      ],
    },
    {
      key: 'mood',
      type: 'scale',
      section: C4,
      text: l('最近一个月，你大多数时候心情怎么样？', 'How have you felt most of the time this past month?'),
      prompt: l('可以画五张表情脸让孩子指：1 很不开心，5 很开心。', 'Draw five faces and let the child point: 1 very unhappy, 5 very happy.'),
      scale: { min: 1, max: 5, minLabel: l('很不开心', 'Very unhappy'), maxLabel: l('很开心', 'Very happy') },
    },
    {
      key: 'confide',
      type: 'multi',
      section: C4,
      text: l('心里有事的时候，你愿意跟谁说？（可多选）', 'When something is on your mind, who would you tell? (choose all that apply)'),
      options: [
        o('carer', '照顾我的家里人', 'The family member who looks after me'),
        o('parents', '爸爸妈妈', 'My parents'),
        o('teacher', '老师', 'A teacher'),
        o('friends', '同学朋友', 'Friends'),
        o('social_worker', '社工哥哥姐姐', 'The social worker'),
        o('nobody', '谁也不说', 'Nobody'),
      ],
    },
    {
      key: 'confide_why_not',
      type: 'text',
      section: C4,
      text: l('为什么不想跟别人说？', 'Why would you rather not tell anyone?'),
      prompt: l('只在孩子选了“谁也不说”时问，不要追问。如发现孩子有伤害自己的想法或处于危险中，立即按强制报告程序处理。', 'Ask only when the child chose "nobody", and do not press. If the child may harm themselves or is in danger, follow the mandatory reporting procedure at once.'),
      showIf: { key: 'confide', equals: 'nobody' },
    },
    {
      key: 'safety_learned',
      type: 'multi',
      section: C4,
      text: l('下面这些安全知识，你在学校或家里学过哪些？（可多选）', 'Which of these safety lessons have you had at school or at home? (choose all that apply)'),
      options: [
        o('traffic', '交通安全', 'Road safety'),
        o('drowning', '防溺水', 'Staying safe near water'),
        o('fire_power', '用火用电安全', 'Fire and electricity'),
        o('strangers', '防拐骗、不跟陌生人走', 'Strangers and abduction'),
        o('bullying', '防欺凌', 'Bullying'),
        o('none', '都没学过', 'None of these'),
      ],
    },
    {
      key: 'top_needs',
      type: 'rank',
      section: C5,
      required: true,
      maxChoices: 3,
      text: l('如果社工站为你们开展活动，你最想参加哪些？请选出最想要的三项，并排好顺序。', 'If the station ran activities for you, which would you most like? Choose your top three and put them in order.'),
      prompt: l('用孩子熟悉的例子解释每一项，比如“作业辅导就是放学后有人教你写作业”。', 'Explain each with an example the child knows, e.g. "homework help means someone helps you with homework after school".'),
      options: [
        o('tutoring', '作业辅导、学习小组', 'Homework help, study groups', 'tutoring'),
        o('safety_education', '安全教育（防溺水、交通、防欺凌）', 'Safety education (water, traffic, bullying)', 'safety_education'),
        o('psychological', '心理健康、情绪小组', 'Feelings and mental health groups', 'psychological'),
        o('family_contact', '和爸爸妈妈视频、亲子活动', 'Video calls and activities with my parents', 'family_contact'),
        o('interest_activities', '兴趣活动（手工、绘画、体育、唱歌）', 'Hobbies (crafts, drawing, sports, singing)', 'interest_activities'),
      ],
    },
    {
      key: 'wish',
      type: 'text',
      section: C5,
      text: l('你有什么心愿，或者想对社工说的话？', 'Do you have a wish, or anything you would like to tell the social worker?'),
      prompt: l('照孩子的原话记录。', "Write down the child's own words."),
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Women (妇女)

const W1 = l('一、家庭情况', '1. Your family');
const W2 = l('二、子女与家人', '2. Children and family');
const W3 = l('三、就业与收入', '3. Work and income');
const W4 = l('四、健康与权益', '4. Health and rights');
const W5 = l('五、需求与建议', '5. Needs and suggestions');

const woman: Template = {
  key: 'woman',
  audience: 'woman',
  mode: 'questionnaire',
  title: l('妇女发展与家庭服务需求调查', 'Women’s development and family needs survey'),
  description: l(
    '本问卷用于了解本镇妇女在子女教育、家庭健康、就业和权益保护方面的需要，社工站将据此安排培训、讲座和服务。问卷匿名或实名均可，回答自愿，内容严格保密。',
    'This questionnaire asks about the needs of the town’s women in their children’s education, family health, work and rights, so the station can plan training, talks and services. It may be filled in with or without a name; answering is voluntary and kept confidential.',
  ),
  questions: [
    {
      key: 'household',
      type: 'single',
      section: W1,
      required: true,
      text: l('您目前的家庭情况是？', 'Which best describes your household now?'),
      prompt: l('如有家人在场，可请其暂时回避，让受访者放心回答。', 'If family members are present, ask whether she would like to answer privately.'),
      options: [
        o('husband_home', '已婚，丈夫在家', 'Married, husband at home'),
        o('husband_away', '已婚，丈夫外出务工', 'Married, husband working away'),
        o('single', '未婚', 'Not married'),
        o('widowed_divorced', '离异或丧偶', 'Divorced or widowed'),
      ],
    },
    {
      key: 'has_children',
      type: 'single',
      section: W2,
      required: true,
      text: l('家里有没有 18 岁以下的孩子？', 'Are there children under 18 in your household?'),
      options: [o('yes', '有', 'Yes'), o('no', '没有', 'No')],
    },
    {
      key: 'children_count',
      type: 'number',
      section: W2,
      text: l('18 岁以下的孩子有几个？', 'How many children under 18?'),
      showIf: { key: 'has_children', equals: 'yes' },
      range: { min: 1, max: 10, integer: true, unit: l('个', 'children') },
    },
    {
      key: 'child_concern',
      type: 'single',
      section: W2,
      text: l('在孩子的事情上，您最操心的是什么？', 'What concerns you most about your children?'),
      prompt: l('请她只选最操心的一项；孩子是留守儿童的，在备注中写明孩子的姓名，便于回站后核对档案。', 'Ask for the one main concern; if a child is left behind, note the child’s name so the file can be checked later.'),
      showIf: { key: 'has_children', equals: 'yes' },
      options: [
        o('study', '学习成绩和作业辅导', 'Their schoolwork and homework help', 'child_education'),
        o('upbringing', '性格、习惯和家庭教育方法', 'Their character, habits and how to bring them up', 'child_education'),
        o('health', '孩子的身体健康', "Their health", 'family_health'),
        o('safety', '孩子的安全', 'Their safety'),
        o('future', '升学和将来的出路', 'Their further schooling and future'),
      ],
    },
    {
      key: 'family_care',
      type: 'multi',
      section: W2,
      text: l('家里有没有需要您长期照顾的人？（可多选）', 'Is there anyone at home you look after long-term? (choose all that apply)'),
      options: [
        o('elder', '年老体弱的老人', 'A frail elder'),
        o('sick', '长期患病的家人', 'A family member with long-term illness', 'family_health'),
        o('disabled', '残疾家人', 'A family member with a disability', 'family_health'),
        o('none', '没有', 'No'),
      ],
    },
    {
      key: 'work',
      type: 'single',
      section: W3,
      required: true,
      text: l('您目前主要做什么工作？', 'What is your main work now?'),
      prompt: l('按一年中花时间最多的工作选择。', 'Choose the work she spends most of the year on.'),
      options: [
        o('farming', '在家务农、放牧', 'Farming or herding at home'),
        o('local_job', '在本地打零工或上班', 'Odd jobs or a job locally'),
        o('away', '外出务工', 'Working away from home'),
        o('business', '自己做小生意', 'A small business of my own'),
        o('home', '在家照顾家庭，没有收入', 'Caring for the family, no income'),
      ],
    },
    {
      key: 'skills_wanted',
      type: 'multi',
      section: W3,
      maxChoices: 2,
      text: l('如果有免费培训，您最想学哪些技能？（最多选两项）', 'If training were free, which skills would you most like to learn? (up to two)'),
      options: [
        o('handicraft', '手工编织、刺绣', 'Knitting, embroidery', 'employment'),
        o('cooking', '烹饪、面点', 'Cooking and pastry', 'employment'),
        o('care_work', '养老护理、育婴', 'Elder care, childcare', 'employment'),
        o('ecommerce', '电商、直播带货', 'Online selling, livestreaming', 'employment'),
        o('farming_tech', '种植养殖技术', 'Crop and livestock techniques', 'employment'),
        o('none', '暂时不需要', 'None for now'),
      ],
    },
    {
      key: 'burden',
      type: 'scale',
      section: W3,
      text: l('您觉得自己的家庭经济负担重吗？', 'How heavy is your family’s financial burden?'),
      scale: { min: 1, max: 5, minLabel: l('很轻', 'Very light'), maxLabel: l('很重', 'Very heavy') },
    },
    {
      key: 'screening',
      type: 'single',
      section: W4,
      text: l('近两年您做过“两癌”（宫颈癌、乳腺癌）免费筛查吗？', 'In the past two years, have you had the free cervical and breast cancer screening?'),
      prompt: l('如没听说过，可告知筛查由乡镇卫生院免费提供，并记下是否需要社工帮助预约。', 'If she has not heard of it, explain the township health centre offers it free, and note whether she wants help booking.'),
      options: [o('yes', '做过', 'Yes'), o('no', '没做过', 'No'), o('not_heard', '没听说过', 'Never heard of it')],
    },
    {
      key: 'rights_topics',
      type: 'multi',
      section: W4,
      text: l('下面哪些方面，您希望多了解一些或得到帮助？（可多选）', 'On which of these would you like more information or help? (choose all that apply)'),
      prompt: l('如她提到正在遭受家庭暴力，告知可拨打 110 或向妇联求助，回站后立即报告站长。', 'If she says she is suffering domestic violence, tell her she can call 110 or the Women’s Federation, and report it to the manager on return.'),
      options: [
        o('marriage_family', '婚姻家庭法律知识', 'Marriage and family law', 'rights_protection'),
        o('domestic_violence', '反家庭暴力', 'Domestic violence', 'rights_protection'),
        o('land_property', '土地和财产权益', 'Land and property rights', 'rights_protection'),
        o('insurance', '社保、医保办理', 'Pension and health insurance', 'rights_protection'),
        o('none', '暂时不需要', 'None for now'),
      ],
    },
    {
      key: 'wellbeing',
      type: 'scale',
      section: W4,
      text: l('总的来说，您最近的心情怎么样？', 'Overall, how have you been feeling lately?'),
      scale: { min: 1, max: 5, minLabel: l('很差', 'Very low'), maxLabel: l('很好', 'Very good') },
    },
    {
      key: 'top_needs',
      type: 'rank',
      section: W5,
      required: true,
      maxChoices: 3,
      text: l('下面这些方面，您最需要哪些支持？请选出最需要的三项，并按需要程度排序。', 'Which of these kinds of support do you need most? Choose your top three and rank them.'),
      prompt: l('逐项解释后请她排序；她只选一两项也可以。', 'Explain each, then ask her to rank them; choosing only one or two is fine.'),
      options: [
        o('child_education', '子女教育（作业辅导、家庭教育指导）', "Children's education (homework help, parenting guidance)", 'child_education'),
        o('family_health', '家庭成员健康（健康讲座、就医帮助、照护培训）', 'Family health (health talks, help seeing a doctor, care training)', 'family_health'),
        o('employment', '就业技能（技能培训、就业信息）', 'Employment skills (training, job information)', 'employment'),
        o('rights_protection', '权益保护（法律咨询、反家暴）', 'Rights protection (legal advice, domestic violence)', 'rights_protection'),
      ],
    },
    {
      key: 'suggestions',
      type: 'text',
      section: W5,
      text: l('您对社工站开展妇女活动有什么建议？', 'What suggestions do you have for the station’s activities for women?'),
    },
  ],
};

export const SURVEY_TEMPLATES: readonly Template[] = [elder, child, woman];

function question(q: TemplateQuestion, lang: Lang): Question {
  return {
    key: q.key,
    type: q.type,
    text: q.text[lang],
    section: q.section[lang],
    ...(q.prompt ? { prompt: q.prompt[lang] } : {}),
    ...(q.help ? { help: q.help[lang] } : {}),
    ...(q.required ? { required: true } : {}),
    ...(q.options ? { options: q.options.map((opt) => ({ value: opt.value, label: opt.label[lang], ...(opt.needType ? { needType: opt.needType } : {}) })) } : {}),
    ...(q.maxChoices ? { maxChoices: q.maxChoices } : {}),
    ...(q.scale ? { scale: { min: q.scale.min, max: q.scale.max, minLabel: q.scale.minLabel[lang], maxLabel: q.scale.maxLabel[lang] } } : {}),
    ...(q.range ? { range: { ...q.range, unit: q.range.unit?.[lang] ?? null } } : {}),
    ...(q.showIf ? { showIf: q.showIf } : {}),
  };
}

/** The templates in one language, ready to POST to /api/surveys (with `templateKey` = key). */
export function surveyTemplates(lang: Lang): SurveyTemplate[] {
  return SURVEY_TEMPLATES.map((t) => ({
    key: t.key,
    title: t.title[lang],
    description: t.description[lang],
    audience: t.audience,
    mode: t.mode,
    questions: t.questions.map((q) => question(q, lang)),
  }));
}
