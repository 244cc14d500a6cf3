import type { Label, Lang } from './i18n';

/**
 * Every error code the API answers with, its HTTP status and its message in both languages.
 * The codes are a contract (API.md): other systems branch on them, so never rename one.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, 'zh-CN': '提交的内容有误，请检查标出的字段。', 'en-US': 'Some fields are not valid; please check them.' },
  ID_NUMBER_INVALID: { status: 400, 'zh-CN': '身份证号码无效，请核对。', 'en-US': 'The identity number is not valid.' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录。', 'en-US': 'Please sign in.' },
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码不正确。', 'en-US': 'Wrong username or password.' },
  CSRF: { status: 403, 'zh-CN': '请求缺少有效的安全令牌，请刷新页面后重试。', 'en-US': 'The request lacks a valid security token; reload the page and try again.' },
  FORBIDDEN: { status: 403, 'zh-CN': '您没有执行此操作的权限。', 'en-US': 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, 'zh-CN': '记录不存在或不在您的权限范围内。', 'en-US': 'Not found, or outside your scope.' },
  VERSION_CONFLICT: { status: 409, 'zh-CN': '此记录已被他人修改，请查看最新内容后再保存。', 'en-US': 'Someone else changed this record; review the current version and save again.' },
  DUPLICATE: { status: 409, 'zh-CN': '记录已存在。', 'en-US': 'This record already exists.' },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '提交的内容过大。', 'en-US': 'The request is too large.' },
  UNSUPPORTED_FILE: { status: 415, 'zh-CN': '不支持此文件或内容类型。', 'en-US': 'This file or content type is not supported.' },
  ACCOUNT_LOCKED: { status: 423, 'zh-CN': '登录失败次数过多，账号已临时锁定，请 15 分钟后再试。', 'en-US': 'Too many failed sign-ins; the account is locked for 15 minutes.' },
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试。', 'en-US': 'Too many requests; please wait and try again.' },
  INTERNAL: { status: 500, 'zh-CN': '系统内部错误，请稍后再试。已记录此问题。', 'en-US': 'Internal error; please try again later. It has been logged.' },
  UNAVAILABLE: { status: 503, 'zh-CN': '服务暂时不可用，请稍后再试。', 'en-US': 'The service is temporarily unavailable.' },
  IMPORT_MAPPING_REQUIRED: {
    status: 400,
    'zh-CN': '无法自动识别此表格的列，请先设置各列对应的字段并保存。',
    'en-US': 'The columns of this sheet are not recognised; map them to fields and save the mapping first.',
  },
  STAGE_ORDER: {
    status: 400,
    'zh-CN': '个案不能跳过步骤：请按 接案→预估→计划→介入→评估→结案 的顺序推进。',
    'en-US': 'A case cannot skip a step: intake → assessment → planning → intervention → evaluation → closure.',
  },
  DOCUMENT_INCOMPLETE: { status: 400, 'zh-CN': '本阶段的文书尚未填写完整，请补全标出的内容。', 'en-US': "This stage's document is not complete; fill in what is listed." },
  TASK_CLOSED: { status: 409, 'zh-CN': '该任务已完成或已取消，不能再操作。', 'en-US': 'This task is already done or cancelled.' },
  CASE_CLOSED: { status: 409, 'zh-CN': '个案已结案，不能再修改。', 'en-US': 'The case is closed and can no longer be changed.' },
} as const satisfies Record<string, Label & { status: number }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export function errorMessage(code: ErrorCode, lang: Lang): string {
  return ERRORS[code][lang];
}

/**
 * Messages of field-level rules that are ours rather than zod's. Schemas put the key in
 * the message (`.refine(..., { message: 'password.tooShort' })`) and the error
 * handler turns it into the caller's language.
 */
export const FIELD_MESSAGES = {
  'password.tooShort': { 'zh-CN': '密码至少 10 个字符。', 'en-US': 'The password needs at least 10 characters.' },
  'password.sameAsUsername': { 'zh-CN': '密码不能与用户名相同。', 'en-US': 'The password must differ from the username.' },
  'password.wrong': { 'zh-CN': '当前密码不正确。', 'en-US': 'The current password is wrong.' },
  'password.unchanged': { 'zh-CN': '新密码不能与当前密码相同。', 'en-US': 'The new password must differ from the current one.' },
  'username.shape': {
    'zh-CN': '用户名由 3–40 个小写字母、数字、点、连字符或下划线组成。',
    'en-US': 'A username has 3–40 lower-case letters, digits, dots, hyphens or underscores.',
  },
  'org.parentNotStation': { 'zh-CN': '村(社区)只能建在社工站之下。', 'en-US': 'A village can only be added under a station.' },
  'user.orgMismatch': {
    'zh-CN': '所选机构与角色不符：站长、社工和志愿者属于社工站，民政局账号属于县，管理员不属于任何机构。',
    'en-US': 'The organisation does not fit the role: managers, workers and volunteers belong to a station, county users to a county, administrators to none.',
  },
  'user.cannotDisableSelf': { 'zh-CN': '不能停用自己的账号。', 'en-US': 'You cannot disable your own account.' },
  'date.invalid': { 'zh-CN': '日期格式应为 YYYY-MM-DD。', 'en-US': 'A date is written YYYY-MM-DD.' },
  'cursor.invalid': { 'zh-CN': '分页游标无效。', 'en-US': 'The page cursor is not valid.' },
  'body.invalidJson': { 'zh-CN': '请求内容不是有效的 JSON。', 'en-US': 'The request body is not valid JSON.' },
  'body.empty': { 'zh-CN': '请求内容为空。', 'en-US': 'The request body is empty.' },
  'phone.shape': {
    'zh-CN': '电话应为 11 位手机号，或带区号的固定电话（如 0935-1234567）。',
    'en-US': 'A phone is an 11-digit mobile number or a landline with area code (0935-1234567).',
  },
  'idNumber.format': { 'zh-CN': '身份证号码应为 18 位（或旧式 15 位）。', 'en-US': 'An identity number has 18 characters (or 15, old style).' },
  'idNumber.checksum': { 'zh-CN': '身份证号码校验位不正确，请核对。', 'en-US': 'The check character of the identity number is wrong.' },
  'idNumber.birth_date': { 'zh-CN': '身份证号码中的出生日期无效。', 'en-US': 'The birth date inside the identity number is not valid.' },
  'idNumber.region': { 'zh-CN': '身份证号码的地区码无效。', 'en-US': 'The region code of the identity number is not valid.' },
  'idNumber.genderMismatch': { 'zh-CN': '性别与身份证号码不符。', 'en-US': 'The sex does not match the identity number.' },
  'idNumber.birthDateMismatch': { 'zh-CN': '出生日期与身份证号码不符。', 'en-US': 'The birth date does not match the identity number.' },
  'idNumber.duplicate': { 'zh-CN': '本站已有此身份证号码的档案。', 'en-US': 'A file with this identity number already exists in the station.' },
  'group.tooOld': { 'zh-CN': '年龄超出该类别的上限。', 'en-US': 'Too old for this group.' },
  'group.tooYoung': { 'zh-CN': '年龄未达到该类别的下限。', 'en-US': 'Too young for this group.' },
  'group.gender': { 'zh-CN': '性别不符合该类别。', 'en-US': 'The sex does not fit this group.' },
  'village.unknown': { 'zh-CN': '村(社区)不存在或不在您的范围内。', 'en-US': 'No such village in your scope.' },
  'household.unknown': { 'zh-CN': '户不存在，或不属于所选村(社区)。', 'en-US': 'No such household in the chosen village.' },
  'person.unknown': { 'zh-CN': '档案不存在或不在您的范围内。', 'en-US': 'No such person in your scope.' },
  'birthDate.future': { 'zh-CN': '出生日期不能晚于今天。', 'en-US': 'The birth date cannot be in the future.' },
  'person.nameBlank': { 'zh-CN': '姓名不能为空。', 'en-US': 'The name cannot be blank.' },
  'name.blank': { 'zh-CN': '名称不能为空。', 'en-US': 'The name cannot be blank.' },
  'import.idNumberAsNumber': {
    'zh-CN': '身份证号码被 Excel 存成了数字，后几位已经丢失。请把该列设置为「文本」格式后重新录入号码。',
    'en-US': 'Excel stored the identity number as a number and lost its last digits. Format the column as Text and type the numbers again.',
  },
  'import.duplicateInFile': { 'zh-CN': '本表格中前面已有相同身份证号码的行，此行未导入。', 'en-US': 'An earlier row of this sheet has the same identity number; this row was not imported.' },
  'import.samePersonTwice': { 'zh-CN': '本表格中前面已有同一档案的行，此行未导入。', 'en-US': 'An earlier row of this sheet is the same file; this row was not imported.' },
  'import.groupUnknown': { 'zh-CN': '无法识别的服务对象类别，请使用「填写说明」页中的名称', 'en-US': 'Unknown group; use the names listed on the instructions sheet' },
  'import.valueUnknown': { 'zh-CN': '无法识别的取值，请使用「填写说明」页中的选项', 'en-US': 'Unknown value; use the options listed on the instructions sheet' },
  'import.dateInvalid': { 'zh-CN': '无法识别的日期，请写成 2015-03-04 这样的格式', 'en-US': 'Not a date; write it as 2015-03-04' },
  'import.booleanInvalid': { 'zh-CN': '请填写“是”或“否”（也可用 √）', 'en-US': 'Write yes or no (or a tick)' },
  'import.villageRequired': { 'zh-CN': '未填写村(社区)，导入时也没有指定默认村(社区)。', 'en-US': 'No village in the row and no default village was chosen for the import.' },
  'import.villageUnknown': { 'zh-CN': '本站没有这个村(社区)', 'en-US': 'No such village in your station' },
  'import.personUnknown': { 'zh-CN': '档案编号不存在或不在您的范围内。', 'en-US': 'No file with this number in your scope.' },
  'import.tooManyRows': { 'zh-CN': '一次最多导入 50,000 行，请分成几个文件导入。', 'en-US': 'At most 50,000 rows per import; split the file.' },
  'import.noHeader': { 'zh-CN': '表格第一页中没有找到表头和数据。', 'en-US': 'No header row and data were found on the first sheet.' },
  'import.mappingNoName': { 'zh-CN': '必须指定哪一列是姓名。', 'en-US': 'One column must be the name.' },
  'import.mappingTwice': { 'zh-CN': '同一字段只能对应一列。', 'en-US': 'A field can be mapped to one column only.' },
  'import.noStation': { 'zh-CN': '列对应关系按社工站保存，您的账号不属于任何社工站。', 'en-US': 'Mappings are saved per station, and your account belongs to none.' },
  'export.tooMany': {
    'zh-CN': '符合条件的记录超过 50,000 条，请缩小筛选范围（如按村或类别）后分批导出。',
    'en-US': 'More than 50,000 files match; narrow the filters (by village or group) and export in parts.',
  },
  'service.startedInFuture': { 'zh-CN': '服务时间不能晚于现在。', 'en-US': 'The service cannot start in the future.' },
  'service.followUpDate': { 'zh-CN': '需要跟进时请填写跟进日期。', 'en-US': 'Give the day of the follow-up.' },
  'service.followUpPast': { 'zh-CN': '跟进日期不能早于服务日期。', 'en-US': 'The follow-up cannot be before the service.' },
  'service.checklistNotVisit': { 'zh-CN': '探访清单只用于入户探访。', 'en-US': 'The checklist belongs to home visits only.' },
  'service.noServer': { 'zh-CN': '请选择提供服务的社工或志愿者。', 'en-US': 'Name the worker or volunteer who served.' },
  'service.workerUnknown': { 'zh-CN': '该社工不属于本站。', 'en-US': 'No such worker in this station.' },
  'service.volunteerUnknown': { 'zh-CN': '该志愿者不属于本站。', 'en-US': 'No such volunteer in this station.' },
  'service.caseUnknown': { 'zh-CN': '个案不存在，或不属于此服务对象。', 'en-US': 'No such case for this person.' },
  'service.caseClosed': { 'zh-CN': '个案已结案，不能再关联新的服务。', 'en-US': 'The case is closed; no new services can be linked to it.' },
  'service.goalUnknown': { 'zh-CN': '服务计划中没有这个目标。', 'en-US': 'The service plan has no such goal.' },
  'service.goalsWithoutCase': { 'zh-CN': '关联计划目标时须同时关联个案。', 'en-US': 'Goals can only be linked together with their case.' },
  'service.notRecorder': { 'zh-CN': '只有记录人或站长可以更正这条服务记录。', 'en-US': 'Only whoever recorded the service, or the manager, can correct it.' },
  'service.tooManyPhotos': { 'zh-CN': '每条服务记录最多 9 张照片。', 'en-US': 'At most 9 photos per service record.' },
  'service.photoMissing': { 'zh-CN': '请选择要上传的照片。', 'en-US': 'Choose a photo to upload.' },
  'case.workerUnknown': { 'zh-CN': '该社工不属于本站，或账号已停用。', 'en-US': 'No such active worker in this station.' },
  'case.householdMismatch': { 'zh-CN': '该户与服务对象不符。', 'en-US': "The household is not the person's." },
  'case.documentNotYet': { 'zh-CN': '个案还未到达需要这份文书的阶段。', 'en-US': 'The case has not reached the stage of this document yet.' },
  'case.goalIdTwice': { 'zh-CN': '目标编号重复。', 'en-US': 'Two goals have the same key.' },
  'case.referralUnknown': { 'zh-CN': '没有这条转介记录。', 'en-US': 'No such referral.' },
  'case.sameWorker': { 'zh-CN': '个案已由该社工负责。', 'en-US': 'The case is already with this worker.' },
  'care.cadence': { 'zh-CN': '联系间隔应为 1 至 365 天。', 'en-US': 'Days between contacts must be 1 to 365.' },
  'care.channelTwice': { 'zh-CN': '同一联系方式只能有一条计划。', 'en-US': 'One plan per channel.' },
  'care.reasonRequired': { 'zh-CN': '请说明调整联系计划的原因。', 'en-US': 'Give the reason for changing the plan.' },
  'care.staffUnknown': { 'zh-CN': '该人员不属于本站，或账号已停用。', 'en-US': 'No such active worker or volunteer in this station.' },
  'care.workerUnknown': { 'zh-CN': '该社工不属于本站，或账号已停用。', 'en-US': 'No such active worker in this station.' },
  'care.villageUnknown': { 'zh-CN': '本站没有这个村(社区)。', 'en-US': 'No such village in this station.' },
  'care.stationRequired': { 'zh-CN': '请指定社工站。', 'en-US': 'Name the station.' },
  'care.postponeDay': { 'zh-CN': '延期日期应在今天之后 90 天以内。', 'en-US': 'Postpone to a day after today and within 90 days.' },
  'care.sameAssignee': { 'zh-CN': '任务已由该人员负责。', 'en-US': 'The task is already with this person.' },
  'care.notAssignee': { 'zh-CN': '只有任务负责人或站长可以操作此任务。', 'en-US': 'Only whoever the task is assigned to, or the manager, can do this.' },
  'care.otherPerson': { 'zh-CN': '服务记录的服务对象必须是任务的服务对象。', 'en-US': "The service record must be about the task's person." },
  'care.festivalOrDate': { 'zh-CN': '请选择节日，或填写日期。', 'en-US': 'Choose a festival or give a date.' },
  'care.festivalPast': { 'zh-CN': '该节日在所选年份已经过去。', 'en-US': 'This festival has already passed in that year.' },
  'care.datePast': { 'zh-CN': '日期不能早于今天。', 'en-US': 'The day cannot be before today.' },
  'care.noPeople': { 'zh-CN': '所选类别中没有在册的服务对象。', 'en-US': 'No active people are in the chosen groups.' },
  'care.windowEnd': { 'zh-CN': '结束日期不能早于开始日期。', 'en-US': 'The window cannot end before it starts.' },
  'survey.keyShape': {
    'zh-CN': '编号须以小写字母开头，只含小写字母、数字和下划线（最多 40 个字符）。',
    'en-US': 'A key starts with a lower-case letter and has only lower-case letters, digits and underscores (at most 40).',
  },
  'survey.keyDuplicate': { 'zh-CN': '题目编号重复，每道题的编号必须唯一。', 'en-US': 'Two questions have this key; every key must be unique.' },
  'survey.optionsRequired': { 'zh-CN': '单选、多选和排序题至少需要两个选项。', 'en-US': 'Single, multiple-choice and ranking questions need at least two options.' },
  'survey.optionsNotAllowed': { 'zh-CN': '此题型不设选项。', 'en-US': 'This type of question has no options.' },
  'survey.optionDuplicate': { 'zh-CN': '选项的值重复。', 'en-US': 'Two options have the same value.' },
  'survey.scaleRange': { 'zh-CN': '量表的最小值须小于最大值（0–10）。', 'en-US': "A scale's lowest point must be below its highest (0–10)." },
  'survey.rangeOrder': { 'zh-CN': '数字题的最小值不能大于最大值。', 'en-US': "A number question's minimum cannot exceed its maximum." },
  'survey.showIfUnknown': { 'zh-CN': '显示条件引用的题目不存在。', 'en-US': 'The condition names a question that does not exist.' },
  'survey.showIfLater': { 'zh-CN': '显示条件只能引用本题之前的题目。', 'en-US': 'A condition can only name a question that comes before this one.' },
  'survey.showIfValue': { 'zh-CN': '显示条件的取值不是所引用题目的选项。', 'en-US': "The condition's value is not an option of the question it names." },
  'survey.closed': { 'zh-CN': '该问卷已结束或尚未发布，不能再提交答卷。', 'en-US': 'This survey is closed or not yet open; it takes no responses.' },
  'survey.versionUnknown': { 'zh-CN': '该问卷没有这个版本。', 'en-US': 'The survey has no such version.' },
  'survey.stationRequired': { 'zh-CN': '请指定社工站。', 'en-US': 'Name the station.' },
  'survey.villageUnknown': { 'zh-CN': '本站没有这个村(社区)。', 'en-US': 'No such village in this station.' },
  'survey.personUnknown': { 'zh-CN': '服务对象不存在或不在您的权限范围内。', 'en-US': 'No such person within your scope.' },
  'survey.collectedFuture': { 'zh-CN': '填写时间不能晚于现在。', 'en-US': 'The time it was filled in cannot be in the future.' },
  'survey.questionUnknown': { 'zh-CN': '问卷中没有这道题。', 'en-US': 'The survey has no such question.' },
  'survey.answerRequired': { 'zh-CN': '此题为必答题。', 'en-US': 'This question must be answered.' },
  'survey.answerHidden': { 'zh-CN': '按跳题规则此题不应作答。', 'en-US': 'The skip logic hides this question for this respondent.' },
  'survey.optionUnknown': { 'zh-CN': '答案不在此题的选项中。', 'en-US': 'The answer is not one of the options of this question.' },
  'survey.answerType': { 'zh-CN': '答案的格式与题型不符。', 'en-US': 'The answer does not fit the type of the question.' },
  'survey.tooManyChoices': { 'zh-CN': '选择的项数超过了此题的上限。', 'en-US': 'More choices than this question allows.' },
  'survey.rankRepeated': { 'zh-CN': '排序中同一选项出现了不止一次，每个名次只能排一个选项。', 'en-US': 'An option is ranked more than once; each place takes one option.' },
  'survey.scaleOut': { 'zh-CN': '分值超出量表范围。', 'en-US': 'The value is outside the scale.' },
  'survey.numberOut': { 'zh-CN': '数值超出允许的范围。', 'en-US': 'The number is outside the allowed range.' },
  'survey.numberInteger': { 'zh-CN': '此题须填写整数。', 'en-US': 'This question takes a whole number.' },
  'survey.crosstabType': { 'zh-CN': '交叉分析只适用于单选、多选、排序和量表题。', 'en-US': 'Cross-tabulation works on single, multiple-choice, ranking and scale questions.' },
  'survey.showIfType': { 'zh-CN': '显示条件不能引用填空题，请引用选择题、量表题或数字题。', 'en-US': 'A condition cannot name a text question; name a choice, scale or number question.' },
  'survey.statusTransition': {
    'zh-CN': '问卷状态不能这样变更：草稿→收集中→已结束，已结束的问卷可以重新开始收集。',
    'en-US': 'A survey moves draft → collecting → closed; a closed survey can be reopened.',
  },
  'survey.exportTooMany': {
    'zh-CN': '符合条件的答卷超过 50,000 份，请按村或版本筛选后分批导出。',
    'en-US': 'More than 50,000 responses match; filter by village or version and export in parts.',
  },
  'need.transition': {
    'zh-CN': '需求状态不能这样变更：已识别→服务中→已满足/未能满足，已满足或未能满足的需求可重新打开。',
    'en-US': 'A need moves identified → being served → met / not met; a met or unmet need can be reopened.',
  },
  'need.personUnknown': { 'zh-CN': '服务对象不存在或不在您的权限范围内。', 'en-US': 'No such person within your scope.' },
  'need.groupRequired': { 'zh-CN': '请选择服务对象类别。', 'en-US': 'Choose a group.' },
  'case.required': { 'zh-CN': '此项必须填写。', 'en-US': 'This is required.' },
  'case.consentMissing': { 'zh-CN': '需要服务对象（或监护人）的知情同意。', 'en-US': "The person's (or guardian's) informed consent is needed." },
  'case.agreementMissing': { 'zh-CN': '需要服务对象对服务计划的同意。', 'en-US': "The person's agreement to the plan is needed." },
  'case.goalIncomplete': { 'zh-CN': '每个目标都要写明内容、衡量方式、完成日期和至少一项介入措施。', 'en-US': 'Each goal needs a description, a measure, a target date and at least one intervention.' },
  'case.goalNotEvaluated': { 'zh-CN': '服务计划中的每个目标都要评估达成情况。', 'en-US': 'Every goal of the plan needs a result.' },
  'case.noServices': { 'zh-CN': '介入阶段至少要有一条关联本个案的服务记录。', 'en-US': 'The intervention needs at least one service record linked to the case.' },
  'case.earlyClosureReason': {
    'zh-CN': '评估之前结案，结案原因只能是迁离、拒绝服务、转介或离世。',
    'en-US': 'Before the evaluation a case can only close because the person moved, declined, was referred or died.',
  },
  'case.noCloseRequest': { 'zh-CN': '没有待审批的结案申请。', 'en-US': 'There is no closure request waiting.' },
  'case.reviewPast': { 'zh-CN': '下次评估日期应晚于今天。', 'en-US': 'The next review must be after today.' },
  'export.tooManyServices': {
    'zh-CN': '符合条件的服务记录超过 50,000 条，请缩小筛选范围（如按时间段或村）后分批导出。',
    'en-US': 'More than 50,000 records match; narrow the filters (by period or village) and export in parts.',
  },
} as const satisfies Record<string, Label>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export function isFieldMessageKey(key: string): key is FieldMessageKey {
  return Object.hasOwn(FIELD_MESSAGES, key);
}
