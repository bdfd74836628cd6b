import { IsInt, IsString, Min, validate } from 'class-validator';
import { getMetadataStorage } from 'class-validator';
import { memoiseValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  @Min(1)
  count!: number;
}

const problems = async (value: object, groups?: string[]) =>
  (await validate(value, groups ? { groups, forbidUnknownValues: false } : {}))
    .map(
      (error) =>
        `${error.property}:${Object.keys(error.constraints ?? {})
          .sort()
          .join(',')}`,
    )
    .sort();

describe('memoised validation metadata', () => {
  beforeAll(() => memoiseValidationMetadata());

  it('validates own and inherited rules exactly as before, again and again', async () => {
    for (let round = 0; round < 3; round++) {
      expect(await problems(Object.assign(new Child(), { name: 7, count: 0 }))).toEqual(['count:min', 'name:isString']);
      expect(await problems(Object.assign(new Child(), { name: 'ok', count: 2 }))).toEqual([]);
      expect(await problems(Object.assign(new Base(), { name: 7 }))).toEqual(['name:isString']);
    }
  });

  it('looks a class up once, however often it is validated', async () => {
    const storage = getMetadataStorage();
    const before = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(before);
    expect(before.map((metadata) => metadata.propertyName).sort()).toEqual(['count', 'count', 'name']);
  });

  it('sees rules registered later: a class decorated after the first validations', async () => {
    await problems(Object.assign(new Child(), { name: 'ok', count: 2 }));
    class GrandChild extends Child {
      @IsString()
      note!: string;
    }
    expect(await problems(Object.assign(new GrandChild(), { name: 'ok', count: 0, note: 3 }))).toEqual(['count:min', 'note:isString']);
    // Rules added to a class already looked up are seen too.
    IsString()(Child.prototype, 'label');
    expect(await problems(Object.assign(new Child(), { name: 'ok', count: 2, label: 1 }))).toEqual(['label:isString']);
  });

  it('keeps answers apart per group', async () => {
    class Grouped {
      @IsString({ groups: ['create'] })
      code!: string;
    }
    expect(await problems(Object.assign(new Grouped(), { code: 1 }), ['create'])).toEqual(['code:isString']);
    expect(await problems(Object.assign(new Grouped(), { code: 1 }), ['update'])).toEqual([]);
    expect(await problems(Object.assign(new Grouped(), { code: 1 }), ['create'])).toEqual(['code:isString']);
  });
});
