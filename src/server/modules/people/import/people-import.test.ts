import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { makeTestApp, type Session, type TestApp } from '../../../testing/test-app';
import { makeIdNumber, makePerson } from '../../../testing/factories';
import { auditEvents, importMappings, people, personRevisions } from '../../../db/schema/index';
import { TEMPLATE_COLUMNS } from './layouts';
import { makeWorkbook, postFile, readWorkbook } from './import-testing';

let t: TestApp;
let worker: Session;
let village: string;

const HEADERS = TEMPLATE_COLUMNS.map((c) => c.header);
/** A template row from header → value. */
const templateRow = (values: Record<string, string | number | Date>) => HEADERS.map((h) => values[h] ?? null);
const template = (rows: Record<string, string | number | Date>[], options?: Parameters<typeof makeWorkbook>[1]) => makeWorkbook([HEADERS, ...rows.map(templateRow)], options);
const column = (header: string) => String.fromCharCode(65 + HEADERS.indexOf(header));

async function countPeople(): Promise<number> {
  return (await t.deps.db.select({ id: people.id }).from(people)).length;
}

beforeAll(async () => {
  t = await makeTestApp();
  worker = await t.login('anyuan.worker');
  village = t.demo.stations.anyuan.villageIds[0]!;
});
afterAll(async () => {
  await t.close();
});

describe('the import template', () => {
  it('opens as a workbook with our Chinese header row, an instructions sheet with the allowed labels and the station villages', async () => {
    const response = await worker.inject({ method: 'GET', url: '/api/people/import-template' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
    const { sheets, rows, workbook } = await readWorkbook(response.rawPayload);
    expect(rows[0]).toEqual(HEADERS);
    expect(HEADERS.slice(0, 3)).toEqual(['姓名', '公民身份证号码', '性别']);
    expect(sheets).toHaveLength(2);
    const help = workbook.worksheets[1]!;
    const helpText: string[] = [];
    help.eachRow((row) => row.eachCell((cell) => helpText.push(cell.text)));
    expect(helpText).toEqual(expect.arrayContaining(['留守儿童', '孤寡老人', '藏族', '高风险（红）', '黄羊川村', '青石村']));
    expect(helpText).not.toContain('金沙村');
    expect(workbook.worksheets[0]!.getCell(`${column('服务对象类别')}2`).dataValidation?.type).toBe('list');
  });
});

describe('a dry run', () => {
  it('lists every bad row with its column and the reason in Chinese, and writes nothing', async () => {
    const good = makeIdNumber('2015-03-04', 'male');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const onFile = makeIdNumber('1950-05-05', 'female');
    await makePerson(worker, { name: '已建档老人', villageId: village, idNumber: onFile, groups: ['elder'] });
    const dupe = makeIdNumber('2014-07-07', 'female');
    const before = await countPeople();
    const auditsBefore = (await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'people.import'))).length;
    const file = await template(
      [
        { 姓名: '王小明', 公民身份证号码: good, '村(社区)': '黄羊川村', 服务对象类别: '留守儿童', 联系电话: '139-0935 1234' },
        { 姓名: '坏号码', 公民身份证号码: bad, '村(社区)': '黄羊川村' },
        { 姓名: '外村人', '村(社区)': '火星村' },
        { 姓名: '宇航员', '村(社区)': '青石村', 服务对象类别: '宇航员' },
        { 姓名: '卓玛', 公民身份证号码: dupe, '村(社区)': '青石村' },
        { 姓名: '卓玛二', 公民身份证号码: dupe, '村(社区)': '青石村' },
        { 姓名: '数字号码', 公民身份证号码: 620623201503040000, '村(社区)': '青石村' },
        { 姓名: '大孩子', 出生日期: '2010年1月1日', '村(社区)': '青石村', 服务对象类别: '留守儿童' },
        { 姓名: '已建档老人', 公民身份证号码: onFile, '村(社区)': '黄羊川村', 服务对象类别: '老年人、孤寡老人' },
      ],
      { textColumns: [2] },
    );
    const response = await postFile(worker, '/api/people/import?dryRun=true', file);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result, JSON.stringify(result.rows)).toMatchObject({ created: 2, updated: 1, failed: 6 });
    const byRow = new Map(result.rows.map((r: { row: number }) => [r.row, r]));
    expect(byRow.get(2)).toEqual({ row: 2, status: 'created', errors: [] });
    expect(byRow.get(3)).toMatchObject({ status: 'failed', errors: [{ column: 'B', code: 'ID_NUMBER_INVALID', message: '身份证号码校验位不正确，请核对。' }] });
    expect(byRow.get(4)).toMatchObject({ status: 'failed', errors: [{ column: column('村(社区)'), message: '本站没有这个村(社区)：火星村' }] });
    expect(byRow.get(5)).toMatchObject({ status: 'failed', errors: [{ column: column('服务对象类别'), message: expect.stringContaining('宇航员') }] });
    expect(byRow.get(6)).toMatchObject({ status: 'created' });
    expect(byRow.get(7)).toMatchObject({ status: 'failed', errors: [{ column: 'B', code: 'DUPLICATE', message: expect.stringContaining('相同身份证号码') }] });
    expect(byRow.get(8)).toMatchObject({ status: 'failed', errors: [{ column: 'B', code: 'ID_NUMBER_INVALID', message: expect.stringContaining('文本') }] });
    expect(byRow.get(9)).toMatchObject({ status: 'failed', errors: [{ column: column('服务对象类别'), message: '年龄超出该类别的上限。' }] });
    expect(byRow.get(10)).toMatchObject({ status: 'updated' });
    expect(await countPeople()).toBe(before);
    expect((await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'people.import'))).length).toBe(auditsBefore);
  });

  it('answers in English on request', async () => {
    const file = await template([{ 姓名: 'X', '村(社区)': 'Nowhere' }]);
    const response = await postFile(worker, '/api/people/import?dryRun=true', file, 'x.xlsx', { 'accept-language': 'en-US' });
    expect(response.json().rows[0].errors[0].message).toBe('No such village in your station: Nowhere');
  });
});

describe('the real import', () => {
  it('writes the good rows in one go, not the failed ones, and audits once with counts and file name', async () => {
    const ids = [makeIdNumber('2016-02-02', 'female'), makeIdNumber('1948-08-08', 'male')];
    const file = await template(
      [
        { 姓名: '拉毛草', 公民身份证号码: ids[0]!, '村(社区)': '柏树湾村', 服务对象类别: '留守儿童，少数民族女孩', 民族: '藏族', 是否寄宿: '√', 父亲姓名: '才让', 父亲务工地点: '新疆维吾尔自治区乌鲁木齐市', 儿童主任: '马红 13909351234' },
        { 姓名: '坏行', 公民身份证号码: '123', '村(社区)': '柏树湾村' },
        { 姓名: '李老汉', 公民身份证号码: ids[1]!, '村(社区)': '柏树湾', 服务对象类别: '孤寡老人', 风险等级: '高', 居住状况: '独居', 出生日期: new Date(Date.UTC(1948, 7, 8)) },
      ],
      { textColumns: [2] },
    );
    const response = await postFile(worker, '/api/people/import?dryRun=false', file, '柏树湾村台账.xlsx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 2, updated: 0, failed: 1 });
    const rows = await t.deps.db.select().from(people).where(inArray(people.name, ['拉毛草', '李老汉', '坏行']));
    expect(rows.map((r) => r.name).sort()).toEqual(['拉毛草', '李老汉']);
    const child = rows.find((r) => r.name === '拉毛草')!;
    expect(child).toMatchObject({ gender: 'female', birthDate: '2016-02-02', ethnicity: 'tibetan', groups: ['left_behind_child', 'minority_girl'] });
    expect(child.child).toMatchObject({ boarding: true, parents: [{ role: 'father', name: '才让', status: 'away', workProvince: '新疆维吾尔自治区', workCity: '乌鲁木齐市' }], childDirector: { name: '马红', phone: '13909351234' } });
    expect(rows.find((r) => r.name === '李老汉')).toMatchObject({ riskLevel: 'high', livingSituation: 'alone' });
    const [audit] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'people.import'));
    expect(audit!.details).toMatchObject({ fileName: '柏树湾村台账.xlsx', created: 2, failed: 1, layout: 'template' });
  });

  it('re-importing a number on file updates that file and keeps the revision', async () => {
    const idNumber = makeIdNumber('1945-01-01', 'female');
    const existing = await makePerson(worker, { name: '马奶奶', villageId: village, idNumber, groups: ['elder'] });
    const file = await template([{ 姓名: '马奶奶', 公民身份证号码: idNumber, '村(社区)': '黄羊川村', 服务对象类别: '老年人、空巢老人', 联系电话: '0935 3123456', 风险等级: '中风险' }], { textColumns: [2] });
    const response = await postFile(worker, '/api/people/import?dryRun=false', file);
    expect(response.json()).toMatchObject({ created: 0, updated: 1, failed: 0, rows: [{ row: 2, status: 'updated' }] });
    const [row] = await t.deps.db.select().from(people).where(eq(people.id, existing.id));
    expect(row).toMatchObject({ version: 2, groups: ['elder', 'empty_nest_elder'], phone: '09353123456', riskLevel: 'medium' });
    const revisions = await t.deps.db.select().from(personRevisions).where(eq(personRevisions.personId, existing.id));
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.changedFields).toEqual(expect.arrayContaining(['groups', 'phone', 'riskLevel']));
    // The same file again changes nothing and writes no second revision.
    const again = await postFile(worker, '/api/people/import?dryRun=false', file);
    expect(again.json()).toMatchObject({ updated: 1 });
    expect(await t.deps.db.select().from(personRevisions).where(eq(personRevisions.personId, existing.id))).toHaveLength(1);
  });

  it('a sheet without village or group columns takes ?villageId= and ?groups=', async () => {
    const file = await makeWorkbook([['姓名', '出生日期'], ['赵一', '2012/3/4'], ['赵二', '2013.5.6'], ['赵三', 20140708]]);
    const response = await postFile(worker, `/api/people/import?dryRun=false&villageId=${village}&groups=other_child,child_in_difficulty`, file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 3, failed: 0 });
    const rows = await t.deps.db.select().from(people).where(inArray(people.name, ['赵一', '赵二', '赵三']));
    expect(rows.map((r) => r.birthDate).sort()).toEqual(['2012-03-04', '2013-05-06', '2014-07-08']);
    expect(rows.every((r) => r.villageId === village && r.groups.join() === 'other_child,child_in_difficulty')).toBe(true);
  });

  it('anything but an .xlsx is 415', async () => {
    const response = await postFile(worker, '/api/people/import?dryRun=true', Buffer.from('name,id\n'), 'people.csv');
    expect(response.statusCode).toBe(415);
    const fake = await postFile(worker, '/api/people/import?dryRun=true', Buffer.from('not a zip at all'), 'people.xlsx');
    expect(fake.statusCode).toBe(415);
    const json = await worker.inject({ method: 'POST', url: '/api/people/import?dryRun=true', payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
  });
});

describe('the national left-behind child roster', () => {
  it('is recognised under a title row with two-row headers, and sets groups, guardianship and risk', async () => {
    const idA = makeIdNumber('2016-09-01', 'male');
    const idB = makeIdNumber('2017-04-12', 'female');
    const top = ['序号', '姓名', '性别', '民族', '出生日期', '公民身份证号码', '户籍是否登记', '健康状况', '是否寄宿', '就学情况', '父亲', '父亲', '父亲', '父亲', '母亲', '母亲', '母亲', '委托监护人', '委托监护人', '委托监护人', '监护类型', '监护评估', '家庭收入来源', '享受救助情况'];
    const sub = [null, null, null, null, null, null, null, null, null, null, '姓名', '身份证号码', '当前务工地点', '联系电话', '姓名', '当前务工地点', '联系电话', '姓名', '联系电话', '与儿童关系', null, null, null, null];
    const title: (string | null)[] = ['南岔村农村留守儿童花名册', ...Array<null>(23).fill(null)];
    const rows = [
      title,
      top,
      sub.map((s, i) => s ?? top[i]!),
      ['1', '格桑', '男', '藏族', '2016-09-01', idA, '是', '健康', '否', '小学', '多杰', '620623198001010000', '甘肃省兰州市', '13800001111', '卓玛', '', '', '格桑奶奶', '13900002222', '祖母', '委托监护人监护能力较差', '差', '务工、种植', '低保'],
      ['2', '央金', '女', '藏族', '2017/4/12', idB, '是', '健康', '是', '学前教育', '扎西', '', '青海省西宁市', '', '拉姆', '青海省西宁市', '', '央金爷爷', '', '祖父', '一般', '一般', '务工', ''],
    ];
    // 序号…就学情况 and 监护类型… are each one cell over the two header rows; 父亲 / 母亲 / 委托监护人 span their sub-columns.
    const merges = ['A1:X1', ...'ABCDEFGHIJ'.split('').map((c) => `${c}2:${c}3`), 'K2:N2', 'O2:Q2', 'R2:T2', 'U2:U3', 'V2:V3', 'W2:W3', 'X2:X3'];
    const file = await makeWorkbook(rows, { merges, textColumns: [6, 12] });

    const preview = await postFile(worker, '/api/people/import/preview', file);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ layout: 'national_roster', headerRow: 3, mappingSource: 'layout' });
    expect(preview.json().mapping).toMatchObject({ A: null, B: 'name', F: 'idNumber', K: 'fatherName', L: null, M: 'fatherWorkPlace', R: 'guardianName', T: 'guardianRelation', U: 'guardianshipType', V: 'guardianshipAssessment' });
    expect(preview.json().sampleRows[0]).toMatchObject({ B: '格桑' });

    const response = await postFile(worker, `/api/people/import?dryRun=false&villageId=${t.demo.stations.anyuan.villageIds[3]}`, file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 2, failed: 0, rows: [{ row: 4 }, { row: 5 }] });
    const [gesang] = await t.deps.db.select().from(people).where(eq(people.name, '格桑'));
    expect(gesang).toMatchObject({ groups: ['left_behind_child'], riskLevel: 'high', health: 'healthy', villageId: t.demo.stations.anyuan.villageIds[3] });
    expect(gesang!.notes).toContain('务工、种植');
    expect(gesang!.child).toMatchObject({
      hukouRegistered: true,
      boarding: false,
      schooling: 'primary',
      guardianshipType: 'entrusted_incapable',
      guardian: { name: '格桑奶奶', phone: '13900002222', relation: '祖母' },
      parents: [{ role: 'father', name: '多杰', workProvince: '甘肃省', workCity: '兰州市', phone: '13800001111', status: 'away' }, { role: 'mother', name: '卓玛' }],
    });
    const [yangjin] = await t.deps.db.select().from(people).where(eq(people.name, '央金'));
    expect(yangjin).toMatchObject({ riskLevel: 'medium', gender: 'female', birthDate: '2017-04-12' });
    expect(yangjin!.child).toMatchObject({ schooling: 'kindergarten', boarding: true, guardianshipType: 'fair' });
  });
});

describe('a sheet of its own layout', () => {
  const rows = () => [
    ['编号', '户主姓名', '证件号', '所住村', '留守儿童', '孤寡老人', '手机'],
    ['1', '韩梅', makeIdNumber('2015-10-10', 'female'), '松山村', '√', '', '139 0935 0001'],
    ['2', '韩老', makeIdNumber('1944-04-04', 'male'), '松山村', '', '✓', '13909350002'],
  ];

  it('needs a mapping first, then imports with the saved one (check-box group columns)', async () => {
    const file = await makeWorkbook(rows(), { textColumns: [3] });
    const refused = await postFile(worker, '/api/people/import?dryRun=true', file);
    expect(refused.statusCode).toBe(400);
    const error = refused.json().error;
    expect(error.code).toBe('IMPORT_MAPPING_REQUIRED');
    expect(error.details.mapping).toMatchObject({ E: 'group.left_behind_child', F: 'group.solitary_elder', G: 'phone' });

    const preview = (await postFile(worker, '/api/people/import/preview', file)).json();
    expect(preview).toMatchObject({ layout: 'custom', mappingSource: 'suggested', headerRow: 1, signature: error.details.signature });
    expect(preview.headers[1]).toEqual({ column: 'B', text: '户主姓名' });
    const mapping = { ...preview.mapping, B: 'name', C: 'idNumber', D: 'village' };
    const saved = await worker.inject({ method: 'PUT', url: '/api/people/import/mappings', payload: { signature: preview.signature, name: '松山村台账', mapping } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await postFile(worker, '/api/people/import/preview', file)).json().mappingSource).toBe('saved');

    const imported = await postFile(worker, '/api/people/import?dryRun=false', file);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ created: 2, failed: 0 });
    const made = await t.deps.db.select().from(people).where(inArray(people.name, ['韩梅', '韩老']));
    expect(Object.fromEntries(made.map((p) => [p.name, p.groups]))).toEqual({ 韩梅: ['left_behind_child'], 韩老: ['solitary_elder'] });
    expect(made.find((p) => p.name === '韩梅')!.phone).toBe('13909350001');

    // Saving again under the same signature replaces the mapping, and both saves are audited.
    await worker.inject({ method: 'PUT', url: '/api/people/import/mappings', payload: { signature: preview.signature, name: '松山村台账（新）', mapping } });
    const stored = await t.deps.db.select().from(importMappings).where(eq(importMappings.signature, preview.signature));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: '松山村台账（新）', version: 2, stationId: t.demo.stations.anyuan.id });
    expect(await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'people.import_mapping.save'), eq(auditEvents.entityId, stored[0]!.id)))).toHaveLength(2);
  });

  it('a mapping without a name column is refused', async () => {
    const response = await worker.inject({ method: 'PUT', url: '/api/people/import/mappings', payload: { signature: '0'.repeat(32), name: 'x', mapping: { A: 'phone' } } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].message).toBe('必须指定哪一列是姓名。');
  });
});

describe('scope and permission', () => {
  it("a Dachaigou worker's import cannot name an Anyuan village, by name or as the default", async () => {
    const dachaigou = await t.login('dachaigou.worker');
    const file = await template([{ 姓名: '越权', '村(社区)': '黄羊川村' }]);
    const response = await postFile(dachaigou, '/api/people/import?dryRun=false', file);
    expect(response.json()).toMatchObject({ created: 0, failed: 1, rows: [{ errors: [{ column: column('村(社区)'), message: '本站没有这个村(社区)：黄羊川村' }] }] });
    const byDefault = await postFile(dachaigou, `/api/people/import?dryRun=false&villageId=${village}`, await makeWorkbook([['姓名'], ['越权']]));
    expect(byDefault.statusCode).toBe(400);
    expect(byDefault.body).not.toContain('安远');
  });

  it('a volunteer gets 403 on every import and export endpoint', async () => {
    const volunteer = await t.login('anyuan.volunteer');
    const file = await template([{ 姓名: '志愿者', '村(社区)': '黄羊川村' }]);
    expect((await volunteer.inject({ method: 'GET', url: '/api/people/import-template' })).statusCode).toBe(403);
    expect((await volunteer.inject({ method: 'GET', url: '/api/people/export' })).statusCode).toBe(403);
    expect((await postFile(volunteer, '/api/people/import?dryRun=true', file)).statusCode).toBe(403);
    expect((await postFile(volunteer, '/api/people/import/preview', file)).statusCode).toBe(403);
    expect((await volunteer.inject({ method: 'PUT', url: '/api/people/import/mappings', payload: { signature: '0'.repeat(32), name: 'x', mapping: { A: 'name' } } })).statusCode).toBe(403);
  });
});
