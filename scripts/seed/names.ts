/** Given and family names in the scripts the platform's customers write them in (Persian, Thai, Latin). */
export const NAME_SETS = [
  {
    region: 'IR',
    phonePrefix: '+98912',
    given: ['سارا', 'علی', 'مریم', 'رضا', 'نگار', 'حسین', 'زهرا', 'امیر', 'لیلا', 'مهدی', 'فاطمه', 'کیان'],
    family: ['کریمی', 'محمدی', 'حسینی', 'رضایی', 'احمدی', 'موسوی', 'جعفری', 'صادقی', 'نوری', 'تهرانی'],
    language: 'fa',
  },
  {
    region: 'TH',
    phonePrefix: '+6681',
    given: ['สมชาย', 'สมหญิง', 'ประเสริฐ', 'วิไล', 'อนุชา', 'กนกวรรณ', 'ธนากร', 'ศิริพร', 'ณัฐพล', 'พิมพ์ชนก'],
    family: ['ใจดี', 'สุขสวัสดิ์', 'ศรีสุข', 'วงศ์ไทย', 'ทองดี', 'แสงทอง', 'บุญมา', 'รุ่งเรือง'],
    language: 'th',
  },
  {
    region: 'NO',
    phonePrefix: '+474',
    given: ['Ingrid', 'Lars', 'Sofia', 'Mateo', 'Emma', 'Noah', 'Olivia', 'Jonas', 'Ana', 'Lucas', 'Maja', 'Erik'],
    family: ['Hansen', 'Johansen', 'García', 'Olsen', 'Müller', 'Silva', 'Larsen', 'Rossi', 'Berg', 'Novak'],
    language: 'nb',
  },
] as const;
