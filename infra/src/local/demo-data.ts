import type { TRole } from '@koldoo/shared/contracts/auth.ts';
import type { TCategory, fundingModes } from '@koldoo/shared/contracts/projects.ts';
import type { TLocale } from '@koldoo/shared/locales.ts';

/**
 * Demo content for the local launcher and the admin seed command: five verified councils,
 * eight projects and four accounts. Plain data, no I/O; the seeder turns it into items.
 * Money is KGS minor units (tyiyn, 1 som = 100). Dates are relative so the demo never goes stale.
 * Prices are plausible 2020s village prices; councils and people are invented.
 */

/** A text in the three site languages. */
export type TText = { ky: string; ru: string; en: string };



export type TDemoCouncil = {
  id: string;
  name: TText;
  regionId: string;
  districtId: string;
  ayilAimak: TText;
  villages: TText[];
  contact: { name: string; phone: string; email: string };
};

export type TDemoBudgetLine = { item: TText; quantity: number; unit: TText; unitCostMinor: number };
export type TDemoCoFunding = { source: TText; amountMinor: number };
export type TDemoMilestone = { title: TText; targetDaysFromNow: number; shareBasisPoints: number };

export type TDemoProject = {
  id: string;
  councilId: string;
  title: TText;
  summary: TText;
  /** Markdown. */
  story: TText;
  category: TCategory;
  location: {
    regionId: string;
    districtId: string;
    ayilAimak: TText;
    village: TText;
    coordinates?: { lat: number; lng: number };
  };
  beneficiaries: number;
  budgetLines: TDemoBudgetLine[];
  coFunding: TDemoCoFunding[];
  /** Budget total minus co-funding: what the diaspora is asked for. */
  goalMinor: number;
  deadlineDaysFromNow: number;
  /** all_or_nothing: pledges are released only if the goal is reached by the deadline. */
  fundingMode: (typeof fundingModes)[number];
  milestones: TDemoMilestone[];
  /** Skill slugs the council would welcome as in-kind pledges. */
  skillsWanted: string[];
  contact: { name: string; phone: string };
  raisedMinor: number;
};

export type TDemoAccount = {
  email: string;
  displayName: string;
  /** Extra role granted on top of `member`, which every account has. */
  role: TRole;
  /** The council an official acts for. */
  councilId?: string;
  locale: TLocale;
};

/** Shared by every demo account; shown on the local sign-in page. Never used outside local/demo stages. */
export const demoPassword = 'koldoo-demo';

const som = (major: number): number => major * 100;

const unit = {
  m3: { ky: 'м³', ru: 'м³', en: 'm³' },
  m2: { ky: 'м²', ru: 'м²', en: 'm²' },
  m: { ky: 'м', ru: 'м', en: 'm' },
  runningM: { ky: 'п. м', ru: 'пог. м', en: 'running m' },
  t: { ky: 'т', ru: 'т', en: 't' },
  pc: { ky: 'даана', ru: 'шт.', en: 'pc' },
  lot: { ky: 'комплекс', ru: 'комплекс', en: 'lot' },
  set: { ky: 'топтом', ru: 'комплект', en: 'set' },
  section: { ky: 'секция', ru: 'секция', en: 'section' },
  operation: { ky: 'операция', ru: 'операция', en: 'operation' },
  patient: { ky: 'бейтап', ru: 'пациент', en: 'patient' },
  person: { ky: 'киши', ru: 'чел.', en: 'person' },
  personDay: { ky: 'киши-күн', ru: 'чел.-день', en: 'person-day' },
} as const satisfies Record<string, TText>;

// ---------------------------------------------------------------------------------------------
// Councils
// ---------------------------------------------------------------------------------------------

const gulcha = {
  aimak: { ky: 'Гүлчө айыл аймагы', ru: 'Гульчинский айылный аймак', en: 'Gulcha ayil aimak' },
  gulcha: { ky: 'Гүлчө', ru: 'Гульча', en: 'Gulcha' },
  akBosogo: { ky: 'Ак-Босого', ru: 'Ак-Босого', en: 'Ak-Bosogo' },
  koshBulak: { ky: 'Кош-Булак', ru: 'Кош-Булак', en: 'Kosh-Bulak' },
};
const samarkandek = {
  aimak: { ky: 'Самаркандек айыл аймагы', ru: 'Самаркандекский айылный аймак', en: 'Samarkandek ayil aimak' },
  samarkandek: { ky: 'Самаркандек', ru: 'Самаркандек', en: 'Samarkandek' },
  chek: { ky: 'Чек', ru: 'Чек', en: 'Chek' },
  kokTash: { ky: 'Көк-Таш', ru: 'Кок-Таш', en: 'Kök-Tash' },
};
const nurmanbet = {
  aimak: { ky: 'Нурманбет айыл аймагы', ru: 'Нурманбетский айылный аймак', en: 'Nurmanbet ayil aimak' },
  nurmanbet: { ky: 'Нурманбет', ru: 'Нурманбет', en: 'Nurmanbet' },
  toguzBulak: { ky: 'Тогуз-Булак', ru: 'Тогуз-Булак', en: 'Toguz-Bulak' },
  akJar: { ky: 'Ак-Жар', ru: 'Ак-Джар', en: 'Ak-Jar' },
};
const uchEmchek = {
  aimak: { ky: 'Үч-Эмчек айыл аймагы', ru: 'Уч-Эмчекский айылный аймак', en: 'Üch-Emchek ayil aimak' },
  uchEmchek: { ky: 'Үч-Эмчек', ru: 'Уч-Эмчек', en: 'Üch-Emchek' },
  kyzylJyldyz: { ky: 'Кызыл-Жылдыз', ru: 'Кызыл-Джылдыз', en: 'Kyzyl-Jyldyz' },
};
const arslanbob = {
  aimak: { ky: 'Арстанбап айыл аймагы', ru: 'Арсланбобский айылный аймак', en: 'Arslanbob ayil aimak' },
  arslanbob: { ky: 'Арстанбап', ru: 'Арсланбоб', en: 'Arslanbob' },
  gumkhana: { ky: 'Гумхана', ru: 'Гумхана', en: 'Gumkhana' },
  jayTerek: { ky: 'Жай-Терек', ru: 'Джай-Терек', en: 'Jay-Terek' },
};

export const demoCouncils: TDemoCouncil[] = [
  {
    id: 'council-alay-gulcha',
    name: { ky: 'Гүлчө айыл өкмөтү', ru: 'Гульчинский айыл окмоту', en: 'Gulcha ayil okmotu' },
    regionId: 'osh',
    districtId: 'alay',
    ayilAimak: gulcha.aimak,
    villages: [gulcha.gulcha, gulcha.akBosogo, gulcha.koshBulak],
    contact: { name: 'Эрмек Жумабаев', phone: '+996 772 341 205', email: 'gulcha.ao@demo.koldoo.kg' },
  },
  {
    id: 'council-batken-samarkandek',
    name: { ky: 'Самаркандек айыл өкмөтү', ru: 'Самаркандекский айыл окмоту', en: 'Samarkandek ayil okmotu' },
    regionId: 'batken',
    districtId: 'batken-d',
    ayilAimak: samarkandek.aimak,
    villages: [samarkandek.samarkandek, samarkandek.chek, samarkandek.kokTash],
    contact: { name: 'Нурлан Сабыров', phone: '+996 779 512 048', email: 'samarkandek.ao@demo.koldoo.kg' },
  },
  {
    id: 'council-ysyk-ata-nurmanbet',
    name: { ky: 'Нурманбет айыл өкмөтү', ru: 'Нурманбетский айыл окмоту', en: 'Nurmanbet ayil okmotu' },
    regionId: 'chuy',
    districtId: 'ysyk-ata',
    ayilAimak: nurmanbet.aimak,
    villages: [nurmanbet.nurmanbet, nurmanbet.toguzBulak, nurmanbet.akJar],
    contact: { name: 'Гүлнара Асанова', phone: '+996 555 870 316', email: 'nurmanbet.ao@demo.koldoo.kg' },
  },
  {
    id: 'council-talas-uch-emchek',
    name: { ky: 'Үч-Эмчек айыл өкмөтү', ru: 'Уч-Эмчекский айыл окмоту', en: 'Üch-Emchek ayil okmotu' },
    regionId: 'talas',
    districtId: 'talas-d',
    ayilAimak: uchEmchek.aimak,
    villages: [uchEmchek.uchEmchek, uchEmchek.kyzylJyldyz],
    contact: { name: 'Таалайбек Осмонкулов', phone: '+996 700 194 627', email: 'uch-emchek.ao@demo.koldoo.kg' },
  },
  {
    id: 'council-bazar-korgon-arslanbob',
    name: { ky: 'Арстанбап айыл өкмөтү', ru: 'Арсланбобский айыл окмоту', en: 'Arslanbob ayil okmotu' },
    regionId: 'jalal-abad',
    districtId: 'bazar-korgon',
    ayilAimak: arslanbob.aimak,
    villages: [arslanbob.arslanbob, arslanbob.gumkhana, arslanbob.jayTerek],
    contact: { name: 'Мирлан Турдубаев', phone: '+996 557 403 981', email: 'arslanbob.ao@demo.koldoo.kg' },
  },
];

// ---------------------------------------------------------------------------------------------
// Projects
// ---------------------------------------------------------------------------------------------

const footbridge: TDemoProject = {
  id: 'project-gulcha-footbridge',
  councilId: 'council-alay-gulcha',
  category: 'bridge',
  title: {
    ky: 'Гүлчө дарыясы аркылуу жөө көпүрө: балдар мектепке коопсуз жетсин',
    ru: 'Пешеходный мост через реку Гульча, чтобы дети безопасно добирались до школы',
    en: 'A footbridge over the Gulcha river so children reach school safely',
  },
  summary: {
    ky: 'Ак-Босогодогу 140тан ашык окуучу күн сайын дарыядан эски жыгач көпүрө менен өтөт же 6 чакырым айланып барат. 30 метрлик болот көпүрө жолду кыска жана коопсуз кылат.',
    ru: 'Более 140 школьников из Ак-Босого каждый день переходят реку по ветхому деревянному мостику или идут в обход 6 км. Стальной мост длиной 30 м сделает дорогу короткой и безопасной.',
    en: 'Every day more than 140 pupils from Ak-Bosogo cross the river on a rotting timber bridge or walk a 6 km detour. A 30 m steel footbridge makes the way short and safe.',
  },
  story: {
    ky: 'Ак-Босого айылы Гүлчө дарыясынын сол жээгинде жайгашкан, ал эми мектеп, ФАП жана базар оң жээкте. Азыр балдар 1990-жылдары курулган жыгач көпүрө менен өтүшөт. Жазында суу ташыганда көпүрө жабылып, окуучулар бир нече жума сабакка бара албай калышат.\n\nАйыл өкмөтү долбоорду даярдап, райондук архитектура бөлүмү менен макулдашты. Подрядчы ачык тендер аркылуу тандалат, ал эми техникалык көзөмөлдү көз карандысыз инженер жүргүзөт.\n\n**Эмне курулат:**\n\n- узундугу 30 метр, туурасы 1,8 метр болгон болот көпүрө;\n- эки бетон таяныч;\n- тосмолор жана металл тор төшөмө.\n\nАр бир сом боюнча отчет ушул баракчада жарыяланат.',
    ru: 'Село Ак-Босого стоит на левом берегу реки Гульча, а школа, ФАП и базар — на правом. Сейчас дети ходят по деревянному мосту, построенному в 1990-х. Весной, в половодье, мост закрывают, и школьники неделями пропускают уроки.\n\nАйыл окмоту подготовил проект и согласовал его с районным отделом архитектуры. Подрядчика выберут на открытом тендере, технический надзор ведёт независимый инженер.\n\n**Что будет построено:**\n\n- стальной пешеходный мост длиной 30 м и шириной 1,8 м;\n- две бетонные опоры;\n- перила и настил из металлической решётки.\n\nОтчёт по каждому сому публикуется на этой странице.',
    en: 'Ak-Bosogo lies on the left bank of the Gulcha river; the school, the health post and the bazaar are on the right bank. Today children cross on a timber bridge built in the 1990s. When the river floods in spring the bridge is closed and pupils miss school for weeks.\n\nThe ayil okmotu has prepared the design and agreed it with the district architecture office. The contractor will be chosen in an open tender, and an independent engineer supervises the works.\n\n**What will be built:**\n\n- a steel footbridge, 30 m long and 1.8 m wide;\n- two concrete abutments;\n- railings and a steel grating deck.\n\nA report on every som is published on this page.',
  },
  location: {
    regionId: 'osh',
    districtId: 'alay',
    ayilAimak: gulcha.aimak,
    village: gulcha.akBosogo,
    coordinates: { lat: 40.3052, lng: 73.4381 },
  },
  beneficiaries: 640,
  budgetLines: [
    {
      item: { ky: 'Бетон таянычтар (арматура менен М300 бетон)', ru: 'Бетонные опоры (бетон М300 с арматурой)', en: 'Concrete abutments (M300 concrete with rebar)' },
      quantity: 48,
      unit: unit.m3,
      unitCostMinor: som(7_500),
    },
    {
      item: { ky: 'Болот фермалар жана устундар (даярдоо)', ru: 'Стальные фермы и балки (изготовление)', en: 'Steel trusses and beams (fabrication)' },
      quantity: 10,
      unit: unit.t,
      unitCostMinor: som(120_000),
    },
    {
      item: { ky: 'Тор төшөмө жана тосмолор', ru: 'Настил из решётки и перила', en: 'Grating deck and railings' },
      quantity: 30,
      unit: unit.runningM,
      unitCostMinor: som(9_000),
    },
    {
      item: { ky: 'Орнотуу иштери (кран, ширетүү)', ru: 'Монтаж (кран, сварка)', en: 'Installation (crane, welding)' },
      quantity: 1,
      unit: unit.lot,
      unitCostMinor: som(420_000),
    },
    {
      item: { ky: 'Долбоорлоо жана техникалык көзөмөл', ru: 'Проектирование и технадзор', en: 'Design and technical supervision' },
      quantity: 1,
      unit: unit.lot,
      unitCostMinor: som(150_000),
    },
  ],
  coFunding: [
    {
      source: { ky: 'Гүлчө айыл өкмөтүнүн бюджети', ru: 'Бюджет Гульчинского айыл окмоту', en: 'Gulcha ayil okmotu budget' },
      amountMinor: som(300_000),
    },
    {
      source: { ky: 'Алай райондук мамлекеттик администрациясы', ru: 'Алайская районная госадминистрация', en: 'Alay district state administration' },
      amountMinor: som(150_000),
    },
  ],
  goalMinor: som(1_950_000),
  deadlineDaysFromNow: 21,
  fundingMode: 'all_or_nothing',
  milestones: [
    {
      title: { ky: 'Долбоор жана материалдарды сатып алуу', ru: 'Проект и закупка материалов', en: 'Design and procurement of materials' },
      targetDaysFromNow: 45,
      shareBasisPoints: 3000,
    },
    {
      title: { ky: 'Бетон таянычтар куюлду', ru: 'Залиты бетонные опоры', en: 'Concrete abutments poured' },
      targetDaysFromNow: 90,
      shareBasisPoints: 3500,
    },
    {
      title: { ky: 'Көпүрө орнотулуп, ачылды', ru: 'Мост смонтирован и открыт', en: 'Bridge installed and opened' },
      targetDaysFromNow: 130,
      shareBasisPoints: 3500,
    },
  ],
  skillsWanted: ['structural_engineer', 'welder', 'site_supervision'],
  contact: { name: 'Эрмек Жумабаев', phone: '+996 772 341 205' },
  raisedMinor: som(1_872_400),
};

const surgeryWeek: TDemoProject = {
  id: 'project-alay-surgery-week',
  councilId: 'council-alay-gulcha',
  category: 'medical_mission',
  title: {
    ky: 'Алай аймактык ооруканасында хирургиялык жума: мекендеш дарыгерлер акысыз операция жасайт',
    ru: 'Хирургическая неделя в Алайской территориальной больнице: врачи-соотечественники оперируют бесплатно',
    en: 'Surgery week at Alay district hospital: diaspora doctors operate for free',
  },
  summary: {
    ky: 'Москвадан жана Екатеринбургдан келген алты дарыгер бир жуманын ичинде 60ка жакын операция жасайт: грыжа, өт баштыгы, балдар хирургиясы. Айыл өкмөтү бейтаптарды чогултуп, алдын ала текшерүүнү уюштурат.',
    ru: 'Шесть врачей из Москвы и Екатеринбурга за неделю проведут около 60 операций: грыжи, желчный пузырь, детская хирургия. Айыл окмоту собирает пациентов и организует предварительное обследование.',
    en: 'Six doctors from Moscow and Yekaterinburg will perform around 60 operations in one week: hernias, gallbladders, paediatric surgery. The ayil okmotu gathers patients and organises pre-operative screening.',
  },
  story: {
    ky: 'Алай районунун алыскы айылдарынан Ош шаарына операцияга баруу үчүн үй-бүлө жол, жатакана жана дары-дармекке 30–50 миң сом коротот. Ошондуктан көптөр операцияны жылдар бою кийинкиге калтырышат.\n\nРоссияда иштеген мекендештерибиз — хирургдар, анестезиолог жана операциялык медайым — бир жумага келип, акысыз иштөөгө даяр. Алай аймактык ооруканасы операциялык бөлмөнү жана палаталарды берет, айыл өкмөтү бейтаптардын тизмесин түзөт.\n\n**Каражат эмнеге жумшалат:**\n\n- бир жолку колдонулуучу хирургиялык материалдар жана наркоз дарылары;\n- 150 бейтапты операция алдында анализден өткөрүү;\n- дарыгерлердин учак билеттери, жатар жери жана тамагы;\n- алыскы айылдардан бейтаптарды ташуу.',
    ru: 'Чтобы добраться из отдалённых сёл Алайского района до операции в Оше, семья тратит на дорогу, жильё и лекарства 30–50 тысяч сомов. Поэтому многие годами откладывают операцию.\n\nНаши соотечественники, работающие в России, — хирурги, анестезиолог и операционная медсестра — готовы приехать на неделю и работать бесплатно. Алайская территориальная больница предоставляет операционную и палаты, айыл окмоту составляет список пациентов.\n\n**На что пойдут средства:**\n\n- одноразовые хирургические расходники и препараты для наркоза;\n- предоперационные анализы для 150 пациентов;\n- авиабилеты, проживание и питание врачей;\n- доставка пациентов из отдалённых сёл.',
    en: 'For a family in the remote villages of Alay district, an operation in Osh costs 30,000–50,000 som in travel, lodging and medicines. So many people put off surgery for years.\n\nFellow Kyrgyz working in Russia (surgeons, an anaesthesiologist and a theatre nurse) are ready to come for a week and work for free. Alay district hospital provides the operating theatre and wards; the ayil okmotu draws up the patient list.\n\n**What the money pays for:**\n\n- single-use surgical supplies and anaesthesia drugs;\n- pre-operative tests for 150 patients;\n- the doctors\' flights, lodging and meals;\n- transport for patients from remote villages.',
  },
  location: {
    regionId: 'osh',
    districtId: 'alay',
    ayilAimak: gulcha.aimak,
    village: gulcha.gulcha,
    coordinates: { lat: 40.3167, lng: 73.4436 },
  },
  beneficiaries: 150,
  budgetLines: [
    {
      item: { ky: 'Бир жолку колдонулуучу хирургиялык материалдар', ru: 'Хирургические расходные материалы', en: 'Single-use surgical supplies' },
      quantity: 60,
      unit: unit.operation,
      unitCostMinor: som(4_500),
    },
    {
      item: { ky: 'Наркоз жана операциядан кийинки дарылар', ru: 'Анестезия и послеоперационные препараты', en: 'Anaesthesia and post-operative medicines' },
      quantity: 60,
      unit: unit.operation,
      unitCostMinor: som(3_200),
    },
    {
      item: { ky: 'Операция алдындагы анализдер жана УЗИ', ru: 'Предоперационные анализы и УЗИ', en: 'Pre-operative tests and ultrasound' },
      quantity: 150,
      unit: unit.patient,
      unitCostMinor: som(900),
    },
    {
      item: { ky: 'Дарыгерлердин учак билеттери (Москва – Ош – Москва)', ru: 'Авиабилеты врачей (Москва – Ош – Москва)', en: "Doctors' flights (Moscow – Osh – Moscow)" },
      quantity: 6,
      unit: unit.person,
      unitCostMinor: som(38_000),
    },
    {
      item: { ky: 'Команданын жатар жери жана тамагы', ru: 'Проживание и питание команды', en: 'Team lodging and meals' },
      quantity: 56,
      unit: unit.personDay,
      unitCostMinor: som(1_500),
    },
    {
      item: { ky: 'Алыскы айылдардан бейтаптарды ташуу', ru: 'Доставка пациентов из отдалённых сёл', en: 'Transport for patients from remote villages' },
      quantity: 1,
      unit: unit.lot,
      unitCostMinor: som(45_000),
    },
  ],
  coFunding: [
    {
      source: { ky: 'Алай аймактык ооруканасынын бюджети', ru: 'Бюджет Алайской территориальной больницы', en: 'Alay district hospital budget' },
      amountMinor: som(90_000),
    },
  ],
  goalMinor: som(864_000),
  deadlineDaysFromNow: 45,
  fundingMode: 'flexible',
  milestones: [
    {
      title: { ky: 'Бейтаптар тандалып, текшерүүдөн өттү', ru: 'Пациенты отобраны и обследованы', en: 'Patients selected and screened' },
      targetDaysFromNow: 50,
      shareBasisPoints: 2500,
    },
    {
      title: { ky: 'Хирургиялык жума өттү', ru: 'Хирургическая неделя проведена', en: 'Surgery week held' },
      targetDaysFromNow: 70,
      shareBasisPoints: 6000,
    },
    {
      title: { ky: 'Операциядан кийинки көзөмөл жана отчет', ru: 'Послеоперационное наблюдение и отчёт', en: 'Post-operative follow-up and report' },
      targetDaysFromNow: 100,
      shareBasisPoints: 1500,
    },
  ],
  skillsWanted: ['general_surgeon', 'paediatric_surgeon', 'anaesthesiologist', 'theatre_nurse'],
  contact: { name: 'Динара Калыбекова', phone: '+996 770 228 654' },
  raisedMinor: som(312_500),
};

const waterPipeline: TDemoProject = {
  id: 'project-chek-drinking-water',
  councilId: 'council-batken-samarkandek',
  category: 'water_supply',
  title: {
    ky: 'Чек айылына таза ичүүчү суу: 4,2 км суу түтүгү',
    ru: 'Чистая питьевая вода для села Чек: водопровод 4,2 км',
    en: 'Clean drinking water for Chek village: a 4.2 km pipeline',
  },
  summary: {
    ky: 'Чек айылынын 2300 тургуну ичүүчү сууну арыктан жана ташылган цистернадан алат. Булактан тартылган түтүк, 100 м³ резервуар жана 24 колонка ар бир көчөгө таза суу жеткирет.',
    ru: '2 300 жителей села Чек берут питьевую воду из арыков и привозных цистерн. Водопровод от родника, резервуар на 100 м³ и 24 водоразборные колонки дадут чистую воду каждой улице.',
    en: 'The 2,300 people of Chek take their drinking water from irrigation ditches and delivery tankers. A pipeline from the spring, a 100 m³ reservoir and 24 standpipes will bring clean water to every street.',
  },
  story: {
    ky: 'Жай айларында арыктагы суу азайып, ылайланат. Цистернадагы суунун бир бочкасы 150 сом турат, бул көп үй-бүлөнүн чөнтөгүнө оор. Ар жылы айылдын балдары ичеги инфекциясы менен ооруканага түшөт.\n\nТоо этегиндеги булактын суусу текшерилип, ичүүгө жарактуу деп табылды. Айыл өкмөтү 600 миң сом бөлдү, ар бир үй 1000 сомдон чогултту. Курулгандан кийин түтүктү ичүүчү сууну пайдалануучулардын айылдык коомдук бирикмеси тейлейт.\n\n**Пландагы иштер:**\n\n- 4,2 км ПЭ түтүк төшөө;\n- 100 м³ бетон резервуар жана хлорлоочу түзүлүш;\n- көчөлөргө 24 суу колонкасын орнотуу.',
    ru: 'Летом вода в арыках мелеет и мутнеет. Бочка привозной воды стоит 150 сомов, многим семьям это не по карману. Каждый год дети из села попадают в больницу с кишечными инфекциями.\n\nВоду из родника у подножия горы проверили — она пригодна для питья. Айыл окмоту выделил 600 тысяч сомов, каждый двор собрал по 1 000 сомов. После строительства водопровод обслуживает сельское общественное объединение потребителей питьевой воды.\n\n**Что планируется:**\n\n- проложить 4,2 км полиэтиленовой трубы;\n- построить бетонный резервуар на 100 м³ и хлораторную;\n- установить 24 водоразборные колонки на улицах.',
    en: 'In summer the water in the ditches runs low and turns muddy. A barrel of tanker water costs 150 som, more than many families can afford. Every year children from the village end up in hospital with gut infections.\n\nThe spring at the foot of the mountain has been tested and found fit to drink. The ayil okmotu has set aside 600,000 som, and every household has chipped in 1,000 som. Once built, the pipeline is run by the village drinking-water users\' association.\n\n**The plan:**\n\n- lay 4.2 km of polyethylene pipe;\n- build a 100 m³ concrete reservoir and a chlorination unit;\n- install 24 standpipes along the streets.',
  },
  location: {
    regionId: 'batken',
    districtId: 'batken-d',
    ayilAimak: samarkandek.aimak,
    village: samarkandek.chek,
    coordinates: { lat: 39.9712, lng: 70.9865 },
  },
  beneficiaries: 2300,
  budgetLines: [
    {
      item: { ky: 'ПЭ суу түтүгү Ø110 мм', ru: 'Труба ПЭ Ø110 мм', en: 'PE water pipe Ø110 mm' },
      quantity: 4200,
      unit: unit.m,
      unitCostMinor: som(620),
    },
    {
      item: { ky: 'Траншея казуу жана көмүү', ru: 'Рытьё и засыпка траншеи', en: 'Trench digging and backfill' },
      quantity: 4200,
      unit: unit.m,
      unitCostMinor: som(180),
    },
    {
      item: { ky: '100 м³ бетон резервуар', ru: 'Бетонный резервуар на 100 м³', en: '100 m³ concrete reservoir' },
      quantity: 1,
      unit: unit.pc,
      unitCostMinor: som(1_150_000),
    },
    {
      item: { ky: 'Көчө суу колонкалары', ru: 'Уличные водоразборные колонки', en: 'Street standpipes' },
      quantity: 24,
      unit: unit.pc,
      unitCostMinor: som(28_000),
    },
    {
      item: { ky: 'Хлорлоочу түзүлүш', ru: 'Хлораторная установка', en: 'Chlorination unit' },
      quantity: 1,
      unit: unit.pc,
      unitCostMinor: som(185_000),
    },
    {
      item: { ky: 'Долбоорлоо жана суунун сапатын текшерүү', ru: 'Проект и анализы качества воды', en: 'Design and water quality tests' },
      quantity: 1,
      unit: unit.lot,
      unitCostMinor: som(220_000),
    },
  ],
  coFunding: [
    {
      source: { ky: 'Самаркандек айыл өкмөтүнүн бюджети', ru: 'Бюджет Самаркандекского айыл окмоту', en: 'Samarkandek ayil okmotu budget' },
      amountMinor: som(600_000),
    },
    {
      source: { ky: 'Айыл тургундары (ар бир үйдөн 1000 сом)', ru: 'Жители села (по 1 000 сомов с двора)', en: 'Villagers (1,000 som per household)' },
      amountMinor: som(450_000),
    },
  ],
  goalMinor: som(4_537_000),
  deadlineDaysFromNow: 75,
  fundingMode: 'all_or_nothing',
  milestones: [
    {
      title: { ky: 'Долбоор бекитилип, түтүктөр сатылып алынды', ru: 'Проект утверждён, трубы закуплены', en: 'Design approved and pipe purchased' },
      targetDaysFromNow: 100,
      shareBasisPoints: 3500,
    },
    {
      title: { ky: 'Түтүк төшөлдү', ru: 'Водопровод проложен', en: 'Pipeline laid' },
      targetDaysFromNow: 150,
      shareBasisPoints: 4000,
    },
    {
      title: { ky: 'Резервуар жана колонкалар ишке кирди', ru: 'Резервуар и колонки введены в строй', en: 'Reservoir and standpipes in service' },
      targetDaysFromNow: 180,
      shareBasisPoints: 2500,
    },
  ],
  skillsWanted: ['water_engineer', 'surveyor', 'plumber'],
  contact: { name: 'Нурлан Сабыров', phone: '+996 779 512 048' },
  raisedMinor: som(1_684_200),
};

const schoolRoof: TDemoProject = {
  id: 'project-kok-tash-school-roof',
  councilId: 'council-batken-samarkandek',
  category: 'school',
  title: {
    ky: 'Көк-Таш орто мектебинин чатырын алмаштыруу',
    ru: 'Замена кровли средней школы в Кок-Таше',
    en: 'A new roof for Kök-Tash secondary school',
  },
  summary: {
    ky: '1978-жылы курулган мектептин шифер чатыры агып, эки класс жабылып калды. 1450 м² жаңы чатыр 620 окуучуга жылуу жана кургак класстарды берет.',
    ru: 'Шиферная кровля школы 1978 года постройки протекает, два класса закрыты. Новая кровля площадью 1 450 м² даст 620 ученикам тёплые и сухие классы.',
    en: 'The slate roof of this 1978 school leaks and two classrooms are closed. 1,450 m² of new roof will give 620 pupils warm, dry classrooms.',
  },
  story: {
    ky: 'Жамгыр жааганда мугалимдер класстарга чака коюп, балдар коридордо окушат. Кышында нымдан дубалдар көгөрүп, мектепти жылытуу кыйындайт.\n\nРайондук билим берүү бөлүмү 500 миң сом, айыл өкмөтү 200 миң сом бөлдү. Калган каражатты мекендештерибизден сурайбыз. Иштер жайкы каникулда жүргүзүлөт, ошондо сабак үзгүлтүккө учурабайт.',
    ru: 'Когда идёт дождь, учителя расставляют в классах вёдра, а дети занимаются в коридоре. Зимой от сырости стены покрываются плесенью, и школу трудно протопить.\n\nРайонный отдел образования выделил 500 тысяч сомов, айыл окмоту — 200 тысяч. Остальное мы просим у земляков. Работы пройдут в летние каникулы, чтобы не прерывать уроки.',
    en: 'When it rains, teachers put buckets in the classrooms and children study in the corridor. In winter the damp walls grow mould and the school is hard to heat.\n\nThe district education department has given 500,000 som and the ayil okmotu 200,000 som. We ask our people abroad for the rest. The work will be done in the summer holidays so that no lessons are lost.',
  },
  location: {
    regionId: 'batken',
    districtId: 'batken-d',
    ayilAimak: samarkandek.aimak,
    village: samarkandek.kokTash,
    coordinates: { lat: 39.9531, lng: 70.9302 },
  },
  beneficiaries: 620,
  budgetLines: [
    {
      item: { ky: 'Профнастил 0,5 мм', ru: 'Профнастил 0,5 мм', en: 'Profiled steel roofing sheet, 0.5 mm' },
      quantity: 1450,
      unit: unit.m2,
      unitCostMinor: som(690),
    },
    {
      item: { ky: 'Тактайлар жана жыгач устундар', ru: 'Пиломатериал для стропил и обрешётки', en: 'Timber for rafters and battens' },
      quantity: 28,
      unit: unit.m3,
      unitCostMinor: som(18_500),
    },
    {
      item: { ky: 'Минералдык пахта (жылуулоо)', ru: 'Утеплитель из минеральной ваты', en: 'Mineral wool insulation' },
      quantity: 1450,
      unit: unit.m2,
      unitCostMinor: som(210),
    },
    {
      item: { ky: 'Суу агызгычтар жана түтүктөр', ru: 'Водостоки и водосточные трубы', en: 'Gutters and downpipes' },
      quantity: 220,
      unit: unit.runningM,
      unitCostMinor: som(850),
    },
    {
      item: { ky: 'Эски шиферди алуу жана ташып чыгаруу', ru: 'Демонтаж и вывоз старого шифера', en: 'Stripping and removing the old slate' },
      quantity: 1450,
      unit: unit.m2,
      unitCostMinor: som(120),
    },
    {
      item: { ky: 'Чатыр жабуу иштери', ru: 'Кровельные работы', en: 'Roofing labour' },
      quantity: 1450,
      unit: unit.m2,
      unitCostMinor: som(350),
    },
  ],
  coFunding: [
    {
      source: { ky: 'Баткен райондук билим берүү бөлүмү', ru: 'Баткенский районный отдел образования', en: 'Batken district education department' },
      amountMinor: som(500_000),
    },
    {
      source: { ky: 'Самаркандек айыл өкмөтүнүн бюджети', ru: 'Бюджет Самаркандекского айыл окмоту', en: 'Samarkandek ayil okmotu budget' },
      amountMinor: som(200_000),
    },
  ],
  goalMinor: som(1_991_500),
  deadlineDaysFromNow: 88,
  fundingMode: 'all_or_nothing',
  milestones: [
    {
      title: { ky: 'Материалдар сатылып алынды', ru: 'Материалы закуплены', en: 'Materials purchased' },
      targetDaysFromNow: 100,
      shareBasisPoints: 4500,
    },
    {
      title: { ky: 'Эски чатыр алынып, жаңысы жабылды', ru: 'Старая кровля снята, новая уложена', en: 'Old roof stripped and new roof laid' },
      targetDaysFromNow: 130,
      shareBasisPoints: 4500,
    },
    {
      title: { ky: 'Иш кабыл алынды', ru: 'Работы приняты', en: 'Works accepted' },
      targetDaysFromNow: 140,
      shareBasisPoints: 1000,
    },
  ],
  skillsWanted: ['roofer', 'carpenter'],
  contact: { name: 'Зуура Мамасалиева', phone: '+996 773 605 219' },
  raisedMinor: som(245_000),
};

const kindergartenHeating: TDemoProject = {
  id: 'project-nurmanbet-kindergarten-heating',
  councilId: 'council-ysyk-ata-nurmanbet',
  category: 'kindergarten',
  title: {
    ky: '«Балапан» балдар бакчасына жаңы жылытуу системасы',
    ru: 'Новое отопление для детского сада «Балапан»',
    en: 'New heating for the Balapan kindergarten',
  },
  summary: {
    ky: 'Кышында топтордо температура 14 градуска чейин түшүп, балдар көп ооруйт. Жаңы казан, радиаторлор жана 18 пластик терезе бакчаны жылуу кылып, көмүрдү үнөмдөйт.',
    ru: 'Зимой в группах температура падает до 14 градусов, дети часто болеют. Новый котёл, радиаторы и 18 пластиковых окон сделают сад тёплым и сэкономят уголь.',
    en: 'In winter the playrooms drop to 14 °C and the children are often ill. A new boiler, radiators and 18 PVC windows will keep the kindergarten warm and save coal.',
  },
  story: {
    ky: '«Балапан» бакчасына 95 бала барат. Жылытуу системасы 1985-жылдан бери алмаштырылган эмес: түтүктөр дат басып, эски казан көмүрдү көп жеп, жылуулукту аз берет.\n\nАйыл өкмөтү 250 миң сом, ата-энелер комитети 80 миң сом чогултту. Жылытуу мезгили жаңы система менен башталышы үчүн орнотуу иштери жайында бүтүшү керек.',
    ru: 'Сад «Балапан» посещают 95 детей. Отопление не меняли с 1985 года: трубы проржавели, старый котёл съедает много угля и почти не греет.\n\nАйыл окмоту выделил 250 тысяч сомов, родительский комитет собрал 80 тысяч. Монтаж нужно закончить летом, чтобы отопительный сезон начался на новой системе.',
    en: 'Ninety-five children attend Balapan. The heating has not been replaced since 1985: the pipes are rusted through and the old boiler burns a lot of coal for little heat.\n\nThe ayil okmotu has set aside 250,000 som and the parents\' committee has raised 80,000 som. The installation must be finished in summer so that the heating season starts on the new system.',
  },
  location: {
    regionId: 'chuy',
    districtId: 'ysyk-ata',
    ayilAimak: nurmanbet.aimak,
    village: nurmanbet.nurmanbet,
    coordinates: { lat: 42.7934, lng: 75.0412 },
  },
  beneficiaries: 95,
  budgetLines: [
    {
      item: { ky: 'Катуу отун казаны, 100 кВт', ru: 'Твердотопливный котёл 100 кВт', en: 'Solid-fuel boiler, 100 kW' },
      quantity: 1,
      unit: unit.pc,
      unitCostMinor: som(420_000),
    },
    {
      item: { ky: 'Биметалл радиаторлор', ru: 'Биметаллические радиаторы', en: 'Bimetal radiators' },
      quantity: 160,
      unit: unit.section,
      unitCostMinor: som(1_100),
    },
    {
      item: { ky: 'Болот түтүктөр жана фитингдер', ru: 'Стальные трубы и фитинги', en: 'Steel pipes and fittings' },
      quantity: 380,
      unit: unit.m,
      unitCostMinor: som(450),
    },
    {
      item: { ky: 'Циркуляциялык насос жана кеңейтүүчү бак', ru: 'Циркуляционный насос и расширительный бак', en: 'Circulation pump and expansion tank' },
      quantity: 1,
      unit: unit.set,
      unitCostMinor: som(65_000),
    },
    {
      item: { ky: 'Орнотуу иштери', ru: 'Монтажные работы', en: 'Installation labour' },
      quantity: 1,
      unit: unit.lot,
      unitCostMinor: som(210_000),
    },
    {
      item: { ky: 'Пластик терезелер', ru: 'Пластиковые окна', en: 'PVC windows' },
      quantity: 18,
      unit: unit.pc,
      unitCostMinor: som(14_500),
    },
  ],
  coFunding: [
    {
      source: { ky: 'Нурманбет айыл өкмөтүнүн бюджети', ru: 'Бюджет Нурманбетского айыл окмоту', en: 'Nurmanbet ayil okmotu budget' },
      amountMinor: som(250_000),
    },
    {
      source: { ky: 'Ата-энелер комитети', ru: 'Родительский комитет', en: "Parents' committee" },
      amountMinor: som(80_000),
    },
  ],
  goalMinor: som(973_000),
  deadlineDaysFromNow: 40,
  fundingMode: 'flexible',
  milestones: [
    {
      title: { ky: 'Казан жана радиаторлор сатылып алынды', ru: 'Котёл и радиаторы закуплены', en: 'Boiler and radiators purchased' },
      targetDaysFromNow: 50,
      shareBasisPoints: 5000,
    },
    {
      title: { ky: 'Система орнотулуп, сыналды', ru: 'Система смонтирована и опрессована', en: 'System installed and pressure-tested' },
      targetDaysFromNow: 75,
      shareBasisPoints: 4000,
    },
    {
      title: { ky: 'Терезелер алмаштырылды', ru: 'Окна заменены', en: 'Windows replaced' },
      targetDaysFromNow: 85,
      shareBasisPoints: 1000,
    },
  ],
  skillsWanted: ['heating_engineer', 'plumber', 'welder'],
  contact: { name: 'Гүлнара Асанова', phone: '+996 555 870 316' },
  raisedMinor: som(641_800),
};

const sportsGround: TDemoProject = {
  id: 'project-toguz-bulak-football-pitch',
  councilId: 'council-ysyk-ata-nurmanbet',
  category: 'sports',
  title: {
    ky: 'Тогуз-Булакта жасалма чөптүү мини-футбол аянтчасы',
    ru: 'Мини-футбольное поле с искусственным газоном в Тогуз-Булаке',
    en: 'A mini-football pitch with artificial turf in Toguz-Bulak',
  },
  summary: {
    ky: 'Айылда бир да спорт аянтчасы жок, жаштар кечинде жол боюнда убакыт өткөрүшөт. 40×20 метрлик тосулган, жарыктандырылган аянтча мектепке жана бүт айылга кызмат кылат.',
    ru: 'В селе нет ни одной спортплощадки, молодёжь по вечерам сидит у дороги. Огороженное поле 40×20 м с освещением будет служить школе и всему селу.',
    en: 'The village has no sports ground at all, and young people spend their evenings by the roadside. A fenced, floodlit 40×20 m pitch will serve the school and the whole village.',
  },
  story: {
    ky: 'Аянтча мектептин жанындагы айыл өкмөтүнүн жеринде курулат. Күндүз дене тарбия сабактары өтөт, кечинде жана дем алыш күндөрү аянтча баарына ачык.\n\nЖергиликтүү ишкер 250 миң сом берүүгө убада кылды. Райондук спорт мектеби машыктыруучу бөлөт, ал эми айылдын жигиттери ашар менен жерди тегиздешет.',
    ru: 'Поле построят на земле айыл окмоту рядом со школой. Днём там проходят уроки физкультуры, вечером и в выходные поле открыто для всех.\n\nМестный предприниматель обещал 250 тысяч сомов. Районная спортивная школа выделит тренера, а сельские парни выровняют площадку ашаром.',
    en: 'The pitch will be built on ayil okmotu land next to the school. During the day it hosts PE lessons; in the evenings and at weekends it is open to everyone.\n\nA local entrepreneur has pledged 250,000 som. The district sports school will provide a coach, and young men from the village will level the ground together as an ashar.',
  },
  location: {
    regionId: 'chuy',
    districtId: 'ysyk-ata',
    ayilAimak: nurmanbet.aimak,
    village: nurmanbet.toguzBulak,
    coordinates: { lat: 42.7658, lng: 75.0867 },
  },
  beneficiaries: 850,
  budgetLines: [
    {
      item: { ky: 'Жасалма чөп', ru: 'Искусственный газон', en: 'Artificial turf' },
      quantity: 800,
      unit: unit.m2,
      unitCostMinor: som(1_450),
    },
    {
      item: { ky: 'Негизди даярдоо (шагыл, кум)', ru: 'Подготовка основания (щебень, песок)', en: 'Base preparation (gravel, sand)' },
      quantity: 800,
      unit: unit.m2,
      unitCostMinor: som(420),
    },
    {
      item: { ky: 'Бийиктиги 4 м тор тосмо', ru: 'Сетчатое ограждение высотой 4 м', en: 'Mesh fence, 4 m high' },
      quantity: 120,
      unit: unit.runningM,
      unitCostMinor: som(3_800),
    },
    {
      item: { ky: 'Дарбазалар жана баскетбол шакектери', ru: 'Ворота и баскетбольные кольца', en: 'Goals and basketball hoops' },
      quantity: 1,
      unit: unit.set,
      unitCostMinor: som(145_000),
    },
    {
      item: { ky: 'LED прожекторлор', ru: 'Светодиодные прожекторы', en: 'LED floodlights' },
      quantity: 8,
      unit: unit.pc,
      unitCostMinor: som(24_000),
    },
    {
      item: { ky: 'Орнотуу иштери', ru: 'Монтажные работы', en: 'Installation labour' },
      quantity: 1,
      unit: unit.lot,
      unitCostMinor: som(180_000),
    },
  ],
  coFunding: [
    {
      source: { ky: 'Нурманбет айыл өкмөтүнүн бюджети', ru: 'Бюджет Нурманбетского айыл окмоту', en: 'Nurmanbet ayil okmotu budget' },
      amountMinor: som(400_000),
    },
    {
      source: { ky: 'Жергиликтүү ишкер', ru: 'Местный предприниматель', en: 'Local entrepreneur' },
      amountMinor: som(250_000),
    },
  ],
  goalMinor: som(1_819_000),
  deadlineDaysFromNow: 85,
  fundingMode: 'flexible',
  milestones: [
    {
      title: { ky: 'Негиз даярдалды', ru: 'Основание подготовлено', en: 'Base prepared' },
      targetDaysFromNow: 110,
      shareBasisPoints: 3000,
    },
    {
      title: { ky: 'Чөп төшөлүп, тосмо орнотулду', ru: 'Газон уложен, ограждение установлено', en: 'Turf laid and fence installed' },
      targetDaysFromNow: 140,
      shareBasisPoints: 5000,
    },
    {
      title: { ky: 'Жарык орнотулуп, аянтча ачылды', ru: 'Освещение установлено, поле открыто', en: 'Floodlights installed and pitch opened' },
      targetDaysFromNow: 150,
      shareBasisPoints: 2000,
    },
  ],
  skillsWanted: ['football_coach', 'electrician'],
  contact: { name: 'Бекжан Алыкулов', phone: '+996 708 331 472' },
  raisedMinor: som(402_000),
};

const roadRepair: TDemoProject = {
  id: 'project-uch-emchek-road-repair',
  councilId: 'council-talas-uch-emchek',
  category: 'road',
  title: {
    ky: 'Үч-Эмчектеги 2,4 км ички жолду шагыл менен оңдоо',
    ru: 'Ремонт 2,4 км внутрисельской дороги в Уч-Эмчеке',
    en: 'Regravelling 2.4 km of village road in Üch-Emchek',
  },
  summary: {
    ky: 'Мектепке, ФАПка жана борбордук көчөгө алып барчу жол жазында баткакка айланат, тез жардам машинасы өтө албай калат. Шагыл, суу өткөргүч түтүктөр жана арыктар жолду жыл бою жүрүүгө ылайыктуу кылат.',
    ru: 'Дорога к школе, ФАПу и центральной улице весной превращается в грязь, скорая помощь не может проехать. Гравий, водопропускные трубы и кюветы сделают её проезжей круглый год.',
    en: 'The road to the school, the health post and the main street turns to mud every spring, and the ambulance cannot get through. Gravel, culverts and ditches will keep it passable all year round.',
  },
  story: {
    ky: 'Жол акыркы жолу 2008-жылы оңдолгон. Азыр анын бетинде терең чуңкурлар бар, жааган жамгырдын суусу жолдун үстү менен агат.\n\nАйыл өкмөтү 700 миң сом бөлдү, райондук жол тейлөө мекемеси грейдер жана каток берет. Биз мекендештерден шагыл жана суу өткөргүч түтүктөр үчүн жардам сурайбыз.\n\n**Пландагы иштер:**\n\n- 6 суу өткөргүч түтүк орнотуу;\n- 3600 м³ шагыл төгүп, тегиздөө жана тыгыздоо;\n- жолдун эки жагынан арык казуу.',
    ru: 'Дорогу последний раз ремонтировали в 2008 году. Сейчас на ней глубокие ямы, а дождевая вода течёт прямо по полотну.\n\nАйыл окмоту выделил 700 тысяч сомов, районное дорожное хозяйство предоставит грейдер и каток. Мы просим земляков помочь с гравием и водопропускными трубами.\n\n**Что планируется:**\n\n- уложить 6 водопропускных труб;\n- отсыпать, разровнять и укатать 3 600 м³ гравия;\n- прокопать кюветы с обеих сторон дороги.',
    en: 'The road was last repaired in 2008. Today it is full of deep potholes and rainwater runs straight down the carriageway.\n\nThe ayil okmotu has set aside 700,000 som, and the district road maintenance unit will provide a grader and a roller. We ask our people abroad to help with gravel and culverts.\n\n**The plan:**\n\n- lay 6 culverts;\n- spread, grade and compact 3,600 m³ of gravel;\n- dig drainage ditches on both sides of the road.',
  },
  location: {
    regionId: 'talas',
    districtId: 'talas-d',
    ayilAimak: uchEmchek.aimak,
    village: uchEmchek.uchEmchek,
    coordinates: { lat: 42.4478, lng: 72.3811 },
  },
  beneficiaries: 3100,
  budgetLines: [
    {
      item: { ky: 'Шагыл-кум аралашмасы (жеткирүү менен)', ru: 'ПГС с доставкой', en: 'Sand-gravel mix, delivered' },
      quantity: 3600,
      unit: unit.m3,
      unitCostMinor: som(650),
    },
    {
      item: { ky: 'Тегиздөө жана тыгыздоо', ru: 'Планировка и уплотнение', en: 'Grading and compaction' },
      quantity: 2400,
      unit: unit.runningM,
      unitCostMinor: som(320),
    },
    {
      item: { ky: 'Бетон суу өткөргүч түтүктөр Ø1 м', ru: 'Бетонные водопропускные трубы Ø1 м', en: 'Concrete culverts Ø1 m' },
      quantity: 6,
      unit: unit.pc,
      unitCostMinor: som(42_000),
    },
    {
      item: { ky: 'Жол боюндагы арыктар', ru: 'Придорожные кюветы', en: 'Roadside ditches' },
      quantity: 4800,
      unit: unit.m,
      unitCostMinor: som(60),
    },
    {
      item: { ky: 'Жол белгилери', ru: 'Дорожные знаки', en: 'Road signs' },
      quantity: 12,
      unit: unit.pc,
      unitCostMinor: som(6_500),
    },
  ],
  coFunding: [
    {
      source: { ky: 'Үч-Эмчек айыл өкмөтүнүн бюджети', ru: 'Бюджет Уч-Эмчекского айыл окмоту', en: 'Üch-Emchek ayil okmotu budget' },
      amountMinor: som(700_000),
    },
    {
      source: { ky: 'Райондук жол тейлөө мекемеси (техника)', ru: 'Районное дорожное хозяйство (техника)', en: 'District road maintenance unit (machinery)' },
      amountMinor: som(500_000),
    },
  ],
  goalMinor: som(2_526_000),
  deadlineDaysFromNow: 60,
  fundingMode: 'flexible',
  milestones: [
    {
      title: { ky: 'Суу өткөргүч түтүктөр орнотулду', ru: 'Водопропускные трубы уложены', en: 'Culverts laid' },
      targetDaysFromNow: 75,
      shareBasisPoints: 2000,
    },
    {
      title: { ky: 'Шагыл төгүлүп, тыгыздалды', ru: 'Гравий отсыпан и укатан', en: 'Gravel spread and compacted' },
      targetDaysFromNow: 100,
      shareBasisPoints: 6000,
    },
    {
      title: { ky: 'Арыктар жана белгилер даяр, жол кабыл алынды', ru: 'Кюветы и знаки готовы, дорога принята', en: 'Ditches and signs done, road accepted' },
      targetDaysFromNow: 110,
      shareBasisPoints: 2000,
    },
  ],
  skillsWanted: ['road_engineer', 'heavy_machinery_operator'],
  contact: { name: 'Таалайбек Осмонкулов', phone: '+996 700 194 627' },
  raisedMinor: som(1_120_400),
};

const fapRoof: TDemoProject = {
  id: 'project-gumkhana-fap-roof',
  councilId: 'council-bazar-korgon-arslanbob',
  category: 'clinic_fap',
  title: {
    ky: 'Гумхана ФАПынын чатырын оңдоо',
    ru: 'Ремонт кровли ФАПа в селе Гумхана',
    en: 'Roof repair for the Gumkhana feldsher post',
  },
  summary: {
    ky: 'Фельдшердик-акушердик пунктта 1800 тургунду бир фельдшер жана бир акушер тейлейт. Чатыр агып, дарылар сакталган бөлмөгө суу кирет. Оңдоо 409 миң сом турат.',
    ru: 'Фельдшерско-акушерский пункт обслуживает 1 800 жителей силами фельдшера и акушерки. Крыша течёт, вода попадает в комнату, где хранятся лекарства. Ремонт стоит 409 тысяч сомов.',
    en: 'The feldsher-midwife post serves 1,800 people with one feldsher and one midwife. The roof leaks and water gets into the room where medicines are kept. The repair costs 409,000 som.',
  },
  story: {
    ky: 'ФАП — Гумхананын жалгыз медициналык пункту. Бул жерде балдарга эмдөө жүргүзүлөт, кош бойлуу аялдар каттоодо турат, улгайган адамдар кан басымын ченетишет. Жакынкы оорукана Базар-Коргондо, 60 чакырым алыс.\n\nЖазында тартылган сүрөттөрдө шыптагы нымдын тактары көрүнүп турат. Чатыр күзгө чейин оңдолбосо, шып кулап калышы мүмкүн.',
    ru: 'ФАП — единственный медпункт Гумханы. Здесь прививают детей, наблюдают беременных, пожилые приходят измерить давление. Ближайшая больница — в Базар-Коргоне, в 60 км.\n\nНа весенних фотографиях видны мокрые пятна на потолке. Если крышу не отремонтировать до осени, потолок может обрушиться.',
    en: 'The post is the only medical point in Gumkhana. Children are vaccinated here, pregnant women are followed, and older people come to have their blood pressure checked. The nearest hospital is in Bazar-Korgon, 60 km away.\n\nPhotos taken this spring show wet patches on the ceiling. If the roof is not repaired before autumn, the ceiling may collapse.',
  },
  location: {
    regionId: 'jalal-abad',
    districtId: 'bazar-korgon',
    ayilAimak: arslanbob.aimak,
    village: arslanbob.gumkhana,
    coordinates: { lat: 41.3521, lng: 72.9614 },
  },
  beneficiaries: 1800,
  budgetLines: [
    {
      item: { ky: 'Профнастил 0,5 мм', ru: 'Профнастил 0,5 мм', en: 'Profiled steel roofing sheet, 0.5 mm' },
      quantity: 180,
      unit: unit.m2,
      unitCostMinor: som(690),
    },
    {
      item: { ky: 'Тактайлар жана жыгач устундар', ru: 'Пиломатериал для стропил и обрешётки', en: 'Timber for rafters and battens' },
      quantity: 4,
      unit: unit.m3,
      unitCostMinor: som(18_500),
    },
    {
      item: { ky: 'Минералдык пахта (жылуулоо)', ru: 'Утеплитель из минеральной ваты', en: 'Mineral wool insulation' },
      quantity: 180,
      unit: unit.m2,
      unitCostMinor: som(210),
    },
    {
      item: { ky: 'Шыпты гипсокартон менен оңдоо', ru: 'Ремонт потолка гипсокартоном', en: 'Ceiling repair with plasterboard' },
      quantity: 120,
      unit: unit.m2,
      unitCostMinor: som(650),
    },
    {
      item: { ky: 'Чатыр жабуу иштери', ru: 'Кровельные работы', en: 'Roofing labour' },
      quantity: 1,
      unit: unit.lot,
      unitCostMinor: som(95_000),
    },
  ],
  coFunding: [
    {
      source: { ky: 'Арстанбап айыл өкмөтүнүн бюджети', ru: 'Бюджет Арсланбобского айыл окмоту', en: 'Arslanbob ayil okmotu budget' },
      amountMinor: som(60_000),
    },
  ],
  goalMinor: som(349_000),
  deadlineDaysFromNow: 14,
  fundingMode: 'all_or_nothing',
  milestones: [
    {
      title: { ky: 'Материалдар сатылып алынды', ru: 'Материалы закуплены', en: 'Materials purchased' },
      targetDaysFromNow: 20,
      shareBasisPoints: 6000,
    },
    {
      title: { ky: 'Чатыр жана шып оңдолду', ru: 'Крыша и потолок отремонтированы', en: 'Roof and ceiling repaired' },
      targetDaysFromNow: 45,
      shareBasisPoints: 4000,
    },
  ],
  skillsWanted: ['roofer', 'carpenter'],
  contact: { name: 'Мирлан Турдубаев', phone: '+996 557 403 981' },
  raisedMinor: som(87_500),
};

export const demoProjects: TDemoProject[] = [
  footbridge,
  surgeryWeek,
  waterPipeline,
  schoolRoof,
  kindergartenHeating,
  sportsGround,
  roadRepair,
  fapRoof,
];

// ---------------------------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------------------------

export const demoAccounts: TDemoAccount[] = [
  {
    email: 'moderator@demo.koldoo.kg',
    displayName: 'Айгерим Токтосунова',
    role: 'moderator',
    locale: 'ky',
  },
  {
    email: 'official@demo.koldoo.kg',
    displayName: 'Эрмек Жумабаев',
    role: 'council_official',
    councilId: 'council-alay-gulcha',
    locale: 'ky',
  },
  {
    email: 'donor@demo.koldoo.kg',
    displayName: 'Жылдыз Сапарова',
    role: 'member',
    locale: 'ru',
  },
  {
    email: 'doctor@demo.koldoo.kg',
    displayName: 'Азамат Мамытов',
    role: 'member',
    locale: 'ru',
  },
];
