import { describe, expect, it } from 'vitest';
import { classifyLayout, columnLetter, findHeader, headerSignature, recogniseHeader, TEMPLATE_COLUMNS } from './layouts';
import { parseBoolean, parseDate, parseGroups, parseIdCell, normalisePhone, splitWorkPlace } from './cells';

describe('header recognition', () => {
  it('knows every column of our template', () => {
    for (const column of TEMPLATE_COLUMNS) expect(recogniseHeader(column.header), column.header).toBe(column.field);
  });

  it('reads synonyms of identity number, phone and village, and the roster words', () => {
    expect(['身份证号', '身份证号码', '公民身份号码', '公民身份证号码 '].map(recogniseHeader)).toEqual(['idNumber', 'idNumber', 'idNumber', 'idNumber']);
    expect(['电话', '手机', '联系方式', '联系电话'].map(recogniseHeader)).toEqual(['phone', 'phone', 'phone', 'phone']);
    expect(['所在村', '村组', '村社', '村（社区）'].map(recogniseHeader)).toEqual(['village', 'village', 'village', 'village']);
    expect(recogniseHeader('父亲当前务工地点（省）')).toBe('fatherWorkProvince');
    expect(recogniseHeader('母亲当前务工地点市')).toBe('motherWorkCity');
    expect(recogniseHeader('委托监护人联系电话')).toBe('guardianPhone');
    expect(recogniseHeader('父亲身份证号码')).toBeNull();
    expect(recogniseHeader('监护类型')).toBe('guardianshipType');
    expect(recogniseHeader('孤寡老人')).toBe('group.solitary_elder');
    expect(recogniseHeader('喜欢的颜色')).toBeUndefined();
  });
});

describe('finding the header', () => {
  it('skips a title row and joins two header rows under merged group headings', () => {
    const sheet = [
      ['XX村农村留守儿童花名册', 'XX村农村留守儿童花名册', 'XX村农村留守儿童花名册', 'XX村农村留守儿童花名册'],
      ['姓名', '父亲', '父亲', '监护类型'],
      ['姓名', '姓名', '联系电话', '监护类型'],
      ['格桑', '多杰', '13800001111', '一般'],
    ];
    const header = findHeader(sheet)!;
    expect([header.firstRow, header.lastRow]).toEqual([2, 3]);
    expect(header.cells.map((c) => c.text)).toEqual(['姓名', '父亲姓名', '父亲联系电话', '监护类型']);
    expect(classifyLayout(header.cells).mapping).toEqual({ A: 'name', B: 'fatherName', C: 'fatherPhone', D: 'guardianshipType' });
  });

  it('gives the same signature to the same headers, another to others', () => {
    const a = findHeader([['姓名', '电话']])!;
    const b = findHeader([['标题'], ['姓名', '电话']])!;
    const c = findHeader([['姓名', '手机']])!;
    expect(headerSignature(a.cells)).toBe(headerSignature(b.cells));
    expect(headerSignature(a.cells)).not.toBe(headerSignature(c.cells));
    expect(columnLetter(28)).toBe('AB');
  });
});

describe('cells', () => {
  it('reads dates in the ways ledgers write them', () => {
    for (const text of ['2015-03-04', '2015/3/4', '2015.3.4', '20150304', '2015年3月4日']) expect(parseDate(text)).toEqual({ ok: true, value: '2015-03-04' });
    expect(parseDate(new Date(Date.UTC(2015, 2, 4)))).toEqual({ ok: true, value: '2015-03-04' });
    expect(parseDate(42067)).toEqual({ ok: true, value: '2015-03-04' });
    expect(parseDate('2015-02-30').ok).toBe(false);
  });

  it('reads check marks and refuses numbers Excel has rounded', () => {
    expect(['√', '✓', '是', 'Y', '1', 1].map((v) => parseBoolean(v))).toEqual(Array(6).fill({ ok: true, value: true }));
    expect(parseBoolean('否')).toEqual({ ok: true, value: false });
    expect(parseIdCell(620623201503040000)).toEqual({ kind: 'lost' });
    expect(parseIdCell('6.20623E+17')).toEqual({ kind: 'lost' });
    expect(parseIdCell('620623********1234')).toEqual({ kind: 'masked' });
    expect(parseGroups('留守儿童、孤寡老人, low_income；宇航员')).toEqual({ codes: ['left_behind_child', 'solitary_elder', 'low_income'], unknown: ['宇航员'] });
    expect(normalisePhone('139-0935 1234')).toBe('13909351234');
    expect(splitWorkPlace('新疆维吾尔自治区乌鲁木齐市')).toEqual({ workProvince: '新疆维吾尔自治区', workCity: '乌鲁木齐市' });
  });
});
