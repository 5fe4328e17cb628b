import type { TCategory } from '@koldoo/shared/contracts/projects.ts';

/** Text the generator assembles projects from: villages, and per category a title, need, plan, budget lines and skills. */

export type TText = { ky: string; ru: string; en: string };
type TLine = { item: TText; unit: TText; qty: [number, number]; som: [number, number] };
export type TTopic = {
  title: (v: TText) => TText;
  need: TText;
  plan: TText;
  lines: TLine[];
  skills: string[];
};

const t = (ky: string, ru: string, en: string): TText => ({ ky, ru, en });
const u = {
  m3: t('м³', 'м³', 'm³'),
  m: t('м', 'м', 'm'),
  m2: t('м²', 'м²', 'm²'),
  pc: t('даана', 'шт.', 'pc'),
  lot: t('комплекс', 'комплекс', 'lot'),
  set: t('топтом', 'комплект', 'set'),
  t: t('т', 'т', 't'),
  patient: t('бейтап', 'пациент', 'patient'),
  personDay: t('киши-күн', 'чел.-день', 'person-day'),
};
const design = {
  item: t(
    'Долбоорлоо жана техникалык көзөмөл',
    'Проектирование и технадзор',
    'Design and technical supervision',
  ),
  unit: u.lot,
  qty: [1, 1],
  som: [60_000, 200_000],
} satisfies TLine;

export const villages: TText[] = [
  t('Ак-Суу', 'Ак-Суу', 'Ak-Suu'),
  t('Кара-Көл', 'Кара-Куль', 'Kara-Köl'),
  t('Кызыл-Суу', 'Кызыл-Суу', 'Kyzyl-Suu'),
  t('Тоо-Моюн', 'Тоо-Моюн', 'Too-Moyun'),
  t('Жаңы-Жер', 'Джаны-Джер', 'Jany-Jer'),
  t('Көк-Жар', 'Кок-Джар', 'Kök-Jar'),
  t('Сары-Булак', 'Сары-Булак', 'Sary-Bulak'),
  t('Кара-Суу', 'Кара-Суу', 'Kara-Suu'),
  t('Бешик-Жон', 'Бешик-Джон', 'Beshik-Jon'),
  t('Ак-Терек', 'Ак-Терек', 'Ak-Terek'),
  t('Төрт-Күл', 'Торт-Куль', 'Tört-Kül'),
  t('Чоң-Таш', 'Чон-Таш', 'Chong-Tash'),
  t('Орто-Сай', 'Орто-Сай', 'Orto-Say'),
  t('Көк-Таш', 'Кок-Таш', 'Kök-Tash'),
  t('Талды-Булак', 'Талды-Булак', 'Taldy-Bulak'),
  t('Жерге-Тал', 'Джерге-Тал', 'Jerge-Tal'),
  t('Кайнар', 'Кайнар', 'Kaynar'),
  t('Өзгөрүш', 'Озгоруш', 'Özgörüsh'),
  t('Тегизчил', 'Тегизчил', 'Tegizchil'),
  t('Кум-Бел', 'Кум-Бел', 'Kum-Bel'),
  t('Достук', 'Достук', 'Dostuk'),
  t('Ынтымак', 'Ынтымак', 'Yntymak'),
  t('Эмгекчил', 'Эмгекчил', 'Emgekchil'),
  t('Ак-Босого', 'Ак-Босого', 'Ak-Bosogo'),
];

export const topics: Record<TCategory, TTopic> = {
  bridge: {
    title: (v) =>
      t(
        `${v.ky} айылында дарыя аркылуу жөө көпүрө`,
        `Пешеходный мост через реку в селе ${v.ru}`,
        `A footbridge over the river in ${v.en}`,
      ),
    need: t(
      'Балдар мектепке эски жыгач көпүрө менен өтүшөт, жазында суу ташыганда ал жабылат.',
      'Дети ходят в школу по ветхому деревянному мосту, который весной закрывают из-за паводка.',
      'Children cross a rotting timber bridge to school, and it is closed every spring flood.',
    ),
    plan: t(
      'Эки бетон таянычка орнотулган 30 метрлик болот көпүрө курулат.',
      'Будет построен стальной мост длиной 30 м на двух бетонных опорах.',
      'A 30 m steel footbridge on two concrete abutments will be built.',
    ),
    lines: [
      {
        item: t('Бетон таянычтар', 'Бетонные опоры', 'Concrete abutments'),
        unit: u.m3,
        qty: [20, 60],
        som: [6_500, 8_500],
      },
      {
        item: t('Болот фермалар', 'Стальные фермы', 'Steel trusses'),
        unit: u.t,
        qty: [5, 12],
        som: [100_000, 130_000],
      },
      {
        item: t('Орнотуу иштери', 'Монтажные работы', 'Installation works'),
        unit: u.lot,
        qty: [1, 1],
        som: [250_000, 450_000],
      },
      design,
    ],
    skills: ['engineering', 'welding', 'construction'],
  },
  road: {
    title: (v) =>
      t(
        `${v.ky} айылынын борбордук көчөсүн шагылдоо`,
        `Гравийное покрытие главной улицы села ${v.ru}`,
        `Gravel for the main street of ${v.en}`,
      ),
    need: t(
      'Жаан-чачында көчө баткакка айланып, тез жардам жана мектеп автобусу өтө албайт.',
      'В дождь улица превращается в грязь, скорая помощь и школьный автобус не могут проехать.',
      'In rain the street turns to mud and neither the ambulance nor the school bus can get through.',
    ),
    plan: t(
      '2 чакырым көчө шагыл менен төшөлүп, суу агуучу арыктар казылат.',
      'Два километра улицы покроют гравием и выкопают водоотводные канавы.',
      'Two kilometres of street get a gravel surface and drainage ditches.',
    ),
    lines: [
      {
        item: t('Шагыл жана кум', 'Гравий и песок', 'Gravel and sand'),
        unit: u.m3,
        qty: [600, 1_800],
        som: [700, 1_100],
      },
      {
        item: t('Грейдер жана каток', 'Грейдер и каток', 'Grader and roller'),
        unit: u.personDay,
        qty: [10, 30],
        som: [9_000, 14_000],
      },
      {
        item: t('Суу өткөргүч түтүктөр', 'Водопропускные трубы', 'Culvert pipes'),
        unit: u.pc,
        qty: [4, 12],
        som: [12_000, 25_000],
      },
    ],
    skills: ['construction', 'machinery'],
  },
  water_supply: {
    title: (v) =>
      t(
        `${v.ky} айылына таза ичүүчү суу`,
        `Чистая питьевая вода для села ${v.ru}`,
        `Clean drinking water for ${v.en}`,
      ),
    need: t(
      'Үй-бүлөлөр сууну арыктан же алыскы булактан ташып, балдар ичеги ооруларына чалдыгат.',
      'Семьи носят воду из арыка или дальнего родника, дети болеют кишечными инфекциями.',
      'Families carry water from the canal or a distant spring, and children fall ill with gut infections.',
    ),
    plan: t(
      'Булактан айылга чейин 3 чакырым түтүк, резервуар жана 12 колонка орнотулат.',
      'Будут проложены 3 км труб от родника, поставлены резервуар и 12 колонок.',
      'Three kilometres of pipe from the spring, a reservoir and 12 standpipes will be installed.',
    ),
    lines: [
      {
        item: t('Полиэтилен түтүктөр', 'Полиэтиленовые трубы', 'Polyethylene pipes'),
        unit: u.m,
        qty: [1_500, 4_000],
        som: [350, 600],
      },
      {
        item: t(
          'Темир-бетон резервуар',
          'Железобетонный резервуар',
          'Reinforced concrete reservoir',
        ),
        unit: u.pc,
        qty: [1, 1],
        som: [400_000, 700_000],
      },
      {
        item: t('Суу колонкалары', 'Водоразборные колонки', 'Standpipes'),
        unit: u.pc,
        qty: [8, 16],
        som: [15_000, 22_000],
      },
      design,
    ],
    skills: ['engineering', 'plumbing', 'water_quality'],
  },
  school: {
    title: (v) =>
      t(
        `${v.ky} мектебинин чатырын жана жылытуусун оңдоо`,
        `Ремонт крыши и отопления школы в селе ${v.ru}`,
        `A new roof and heating for the school in ${v.en}`,
      ),
    need: t(
      'Кышында класстарда температура 10 градустан төмөн түшүп, чатырдан суу агат.',
      'Зимой в классах меньше 10 градусов, а крыша протекает.',
      'In winter classrooms fall below 10 °C and the roof leaks.',
    ),
    plan: t(
      'Чатыр жаңыланып, көмүр казан ордуна үнөмдүү казан жана радиаторлор коюлат.',
      'Крышу заменят, вместо старой угольной котельной поставят экономичный котёл и радиаторы.',
      'The roof is replaced and the old coal boiler gives way to an efficient boiler and radiators.',
    ),
    lines: [
      {
        item: t('Профнастил жана жыгач', 'Профнастил и пиломатериал', 'Metal roofing and timber'),
        unit: u.m2,
        qty: [400, 1_200],
        som: [900, 1_400],
      },
      {
        item: t('Казан жана радиаторлор', 'Котёл и радиаторы', 'Boiler and radiators'),
        unit: u.set,
        qty: [1, 1],
        som: [350_000, 600_000],
      },
      {
        item: t('Иш акы', 'Работы', 'Labour'),
        unit: u.personDay,
        qty: [60, 160],
        som: [1_500, 2_200],
      },
    ],
    skills: ['construction', 'heating', 'teaching'],
  },
  kindergarten: {
    title: (v) =>
      t(
        `${v.ky} айылында 60 орундуу бала бакча`,
        `Детский сад на 60 мест в селе ${v.ru}`,
        `A 60-place kindergarten in ${v.en}`,
      ),
    need: t(
      'Айылда бала бакча жок, 150дөн ашык бала кезекте турат.',
      'В селе нет детского сада, в очереди больше 150 детей.',
      'The village has no kindergarten and more than 150 children are on the waiting list.',
    ),
    plan: t(
      'Бош турган эски имарат оңдолуп, эмерек жана оюнчуктар алынат.',
      'Пустующее старое здание отремонтируют и обставят мебелью и игрушками.',
      'An empty old building is refurbished and furnished with beds, tables and toys.',
    ),
    lines: [
      {
        item: t('Имаратты оңдоо', 'Ремонт здания', 'Building refurbishment'),
        unit: u.m2,
        qty: [250, 500],
        som: [4_000, 6_500],
      },
      {
        item: t('Эмерек жана керебеттер', 'Мебель и кровати', 'Furniture and beds'),
        unit: u.set,
        qty: [2, 4],
        som: [120_000, 200_000],
      },
      {
        item: t('Ашкана жабдуулары', 'Кухонное оборудование', 'Kitchen equipment'),
        unit: u.set,
        qty: [1, 1],
        som: [150_000, 280_000],
      },
    ],
    skills: ['construction', 'early_education'],
  },
  clinic_fap: {
    title: (v) =>
      t(
        `${v.ky} айылындагы ФАПты жабдуу`,
        `Оснащение ФАПа в селе ${v.ru}`,
        `Equipment for the health post in ${v.en}`,
      ),
    need: t(
      'Фельдшердик пунктта УЗИ жана лаборатория жок, бейтаптар 70 чакырым алыстагы райборборго барышат.',
      'В ФАПе нет УЗИ и лаборатории, больные ездят в райцентр за 70 км.',
      'The health post has no ultrasound or lab, so patients travel 70 km to the district centre.',
    ),
    plan: t(
      'Портативдик УЗИ аппараты, лаборатория жабдуулары жана күн панелдери сатылып алынат.',
      'Будут закуплены портативный УЗИ-аппарат, лабораторное оборудование и солнечные панели.',
      'A portable ultrasound, lab equipment and solar panels will be bought.',
    ),
    lines: [
      {
        item: t('Портативдик УЗИ', 'Портативный УЗИ-аппарат', 'Portable ultrasound'),
        unit: u.pc,
        qty: [1, 1],
        som: [700_000, 1_100_000],
      },
      {
        item: t('Лаборатория жабдуулары', 'Лабораторное оборудование', 'Lab equipment'),
        unit: u.set,
        qty: [1, 2],
        som: [150_000, 300_000],
      },
      {
        item: t('Күн панелдери', 'Солнечные панели', 'Solar panels'),
        unit: u.pc,
        qty: [6, 12],
        som: [18_000, 26_000],
      },
    ],
    skills: ['medicine', 'nursing', 'solar'],
  },
  medical_mission: {
    title: (v) =>
      t(
        `${v.ky} айылында көз операциялары: катаракта`,
        `Операции по удалению катаракты в селе ${v.ru}`,
        `Cataract surgery camp in ${v.en}`,
      ),
    need: t(
      'Улгайган тургундардын ондогону катарактадан көрбөй калды, шаарга барууга акчасы жок.',
      'Десятки пожилых жителей ослепли от катаракты, а на поездку в город нет денег.',
      'Dozens of elderly villagers are blind from cataracts and cannot afford the trip to the city.',
    ),
    plan: t(
      'Бишкектен келген хирургдар бир жумада 80 операция жасашат.',
      'Хирурги из Бишкека за неделю проведут 80 операций.',
      'Surgeons from Bishkek perform 80 operations in one week.',
    ),
    lines: [
      {
        item: t('Линзалар жана дары-дармек', 'Линзы и медикаменты', 'Lenses and medicines'),
        unit: u.patient,
        qty: [50, 120],
        som: [6_000, 9_000],
      },
      {
        item: t(
          'Дарыгерлердин жол чыгымы',
          'Дорога и проживание врачей',
          'Doctors’ travel and lodging',
        ),
        unit: u.lot,
        qty: [1, 1],
        som: [80_000, 150_000],
      },
    ],
    skills: ['medicine', 'ophthalmology', 'logistics'],
  },
  sports: {
    title: (v) =>
      t(
        `${v.ky} айылында жасалма чөптүү спорт аянтча`,
        `Спортплощадка с искусственным газоном в селе ${v.ru}`,
        `An artificial-turf pitch in ${v.en}`,
      ),
    need: t(
      'Жаштар бош убактысын көчөдө өткөрүшөт, мектептин спорт залы 1970-жылдан бери оңдоло элек.',
      'Молодёжь проводит время на улице, школьный спортзал не ремонтировали с 1970-х.',
      'Young people hang about the street; the school gym has not been repaired since the 1970s.',
    ),
    plan: t(
      '40×20 метрлик аянтча, тосмо жана жарык орнотулат.',
      'Будет уложена площадка 40×20 м с ограждением и освещением.',
      'A 40×20 m pitch with fencing and floodlights will be laid.',
    ),
    lines: [
      {
        item: t('Жасалма чөп', 'Искусственный газон', 'Artificial turf'),
        unit: u.m2,
        qty: [600, 800],
        som: [1_200, 1_800],
      },
      {
        item: t('Тосмо жана дарбазалар', 'Ограждение и ворота', 'Fencing and goals'),
        unit: u.lot,
        qty: [1, 1],
        som: [180_000, 300_000],
      },
      {
        item: t('Жарыктандыруу', 'Освещение', 'Floodlights'),
        unit: u.pc,
        qty: [4, 8],
        som: [25_000, 40_000],
      },
    ],
    skills: ['construction', 'coaching'],
  },
  culture: {
    title: (v) =>
      t(
        `${v.ky} айылынын маданият үйүн калыбына келтирүү`,
        `Восстановление дома культуры в селе ${v.ru}`,
        `Restoring the house of culture in ${v.en}`,
      ),
    need: t(
      'Маданият үйү 20 жыл бою жабык, айылда той, концерт же китепкана үчүн жай жок.',
      'Дом культуры закрыт 20 лет, в селе негде провести праздник, концерт или открыть библиотеку.',
      'The house of culture has been shut for 20 years, leaving no place for concerts, celebrations or a library.',
    ),
    plan: t(
      'Имараттын чатыры, терезелери жана сахнасы оңдолуп, китепкана ачылат.',
      'Отремонтируют крышу, окна и сцену, откроют библиотеку.',
      'The roof, windows and stage are repaired and a library opens.',
    ),
    lines: [
      {
        item: t('Чатыр жана терезелер', 'Крыша и окна', 'Roof and windows'),
        unit: u.lot,
        qty: [1, 1],
        som: [500_000, 900_000],
      },
      {
        item: t('Сахна жабдуулары', 'Оборудование сцены', 'Stage equipment'),
        unit: u.set,
        qty: [1, 1],
        som: [120_000, 250_000],
      },
      { item: t('Китептер', 'Книги', 'Books'), unit: u.pc, qty: [500, 1_500], som: [250, 450] },
    ],
    skills: ['construction', 'music', 'library'],
  },
  other: {
    title: (v) =>
      t(
        `${v.ky} айылынын көчөлөрүнө күн панелдүү чырактар`,
        `Уличные фонари на солнечных батареях для села ${v.ru}`,
        `Solar street lights for ${v.en}`,
      ),
    need: t(
      'Кечинде көчөлөр караңгы, балдар жана аялдар коопсуз жүрө алышпайт.',
      'Вечером улицы тёмные, детям и женщинам небезопасно.',
      'The streets are dark at night and unsafe for children and women.',
    ),
    plan: t(
      'Негизги көчөлөргө 60 күн панелдүү чырак орнотулат.',
      'На главных улицах поставят 60 фонарей на солнечных батареях.',
      'Sixty solar street lights will line the main streets.',
    ),
    lines: [
      {
        item: t('Күн панелдүү чырактар', 'Солнечные фонари', 'Solar street lights'),
        unit: u.pc,
        qty: [30, 80],
        som: [14_000, 22_000],
      },
      {
        item: t('Мамылар жана орнотуу', 'Опоры и монтаж', 'Poles and installation'),
        unit: u.pc,
        qty: [30, 80],
        som: [5_000, 8_000],
      },
    ],
    skills: ['electrical', 'solar'],
  },
};

export const officials = [
  'Эрмек Жумабаев',
  'Гүлнара Асанова',
  'Нурлан Сабыров',
  'Айгүл Токтогулова',
  'Бакыт Осмонов',
  'Жылдыз Мамытова',
  'Таалайбек Орозов',
];
/** Rough centres of the oblasts, for plausible map pins. */
export const centres: Record<string, [number, number]> = {
  batken: [39.9, 70.8],
  chuy: [42.7, 74.5],
  'jalal-abad': [41.4, 72.4],
  naryn: [41.4, 75.9],
  osh: [40.2, 73.3],
  talas: [42.4, 72.2],
  'issyk-kul': [42.3, 77.6],
};
