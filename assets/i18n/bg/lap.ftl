# LAP Studio — български интерфейс. Всеки ключ от en/lap.ftl трябва да е и тук (проверява се с тест).

untitled = План без име
steps-title = Стъпки на плана
overall-complete = Попълненост на плана: { $n } %
count-errors = { $n ->
    [one] 1 грешка
   *[other] { $n } грешки
}
count-warnings = { $n ->
    [one] 1 предупреждение
   *[other] { $n } предупреждения
}

menu-file = Файл
menu-edit = Редакция
menu-view = Изглед
menu-help = Помощ
menu-open-recent = Последни файлове
menu-no-recent = Няма последни файлове

cmd-new = Нов от шаблон…
cmd-open = Отваряне…
cmd-save = Запис
cmd-save-as = Запис като…
cmd-export-pdf = Експорт в PDF…
cmd-export-xlsx = Експорт на таблиците в Excel (xlsx)…
cmd-progress-report = Отчет за напредъка…
cmd-quit = Изход
cmd-undo = Отмяна
cmd-redo = Повторение
cmd-toggle-findings = Показване или скриване на констатациите
cmd-toggle-theme = Светла или тъмна тема
cmd-toggle-language = Български / English
cmd-about = За LAP Studio
cmd-shortcuts = Клавишни комбинации

export-title = Експорт

status-saving = Записване…
status-saved = Записано: { $file }
status-opened = Отворено: { $file }
status-nothing-to-undo = Няма какво да се отмени
status-nothing-to-redo = Няма какво да се повтори
status-autosave-failed = Автоматичният запис не успя

findings-title = Констатации
findings-count = { $errors ->
    [one] 1 грешка
   *[other] { $errors } грешки
}, { $warnings ->
    [one] 1 предупреждение
   *[other] { $warnings } предупреждения
}
findings-none = Няма констатации: планът минава всички проверки.

dialog-error-title = Файлът не може да се използва
dialog-error-plan-kept = Отвореният план не е променен.
dialog-unsaved-title = Незаписани промени
dialog-unsaved-text = Планът има незаписани промени. Да се запишат ли първо?
dialog-restore-title = Възстановяване на незаписана работа?
dialog-restore-text = Миналия път LAP Studio не беше затворен нормално. Работно копие на { $file } беше записано автоматично. Да се възстанови ли?
button-ok = Добре
button-save = Запис
button-dont-save = Без запис
button-cancel = Отказ
button-restore = Възстановяване
button-discard = Изхвърляне
about-version = Версия
about-text = LAP Studio помага на един град да напише своя местен план за действие за интеграция на мигрантите и отвореност, както го правеше мрежата на URBACT „Отворени градове“, да го провери по контролния списък на URBACT и да го публикува.

select-item = Изберете елемент от списъка или добавете нов.
select-action-for-funding = Изберете дейност, за да редактирате финансирането ѝ.
list-add = Добавяне
list-duplicate = Копие
list-delete = Изтриване
list-up = Нагоре
list-down = Надолу
list-empty = Списъкът е празен.
list-remove = Премахване
list-add-link = Добавяне на връзка…
list-add-line = Добавяне на ред
field-set = зададено
field-none = (няма)

tab-members = Членове
tab-meetings = Срещи
tab-results = Индекс и профил
tab-values = Стойности
tab-cities = Градове
tab-framework = Рамка
view-list = Списък
view-timeline = График

help-facts = Кой пише плана, за кой град и период и на какъв етап е.
help-context = Положението в числа и думи. Всяко число трябва да има мерна единица, година и източник.
help-support-group = Местната група за подкрепа по URBACT: кой участва, от какъв сектор и какво е решено на всяка среща.
help-problems = Дървото на проблемите: всеки проблем с причините и последиците му, свързан с данните, които го показват.
help-objectives = Една визия, стратегически цели с тема на „Отворени градове“ и специфични (SMART) цели към всяка.
help-actions = Всяка дейност има срок, отговорна организация, стойност, финансиране, индикатори и оценка на риска.
help-strategy = Свържете дейностите с целите на маркетинговата стратегия и стратегията за интернационализация на града, включително привличането на квалифицирани мигранти.
help-funding = Откъде идват парите за всяка дейност. Източниците трябва да са равни на стойността на дейността.
help-pilots = Проекти, готови за покана на европейски фонд.
help-indicators = Как се измерва напредъкът: мерна единица, базова стойност с година и източник, цели по години, кой и колко често измерва.
help-risks = Какво може да се обърка, колко е вероятно и колко е сериозно, и какво се прави.
help-governance = Кой координира и изпълнява плана, как се отчита напредъкът и кога планът се преглежда.
help-openness = Сравнете отвореността на града с градовете-партньори: стойности с година и източник, посока и тегло на всеки индикатор.
help-review = Какво още липсва, коментари от прегледа и публикуване на плана.
hint-funding-step = Източниците на финансиране се редактират в стъпка „Финансиране“.

field-city = Град
field-municipality = Община
field-country = Държава
field-plan-title = Заглавие на плана
field-period-start = Начало на периода
field-period-end = Край на периода
field-status = Статус
field-version = Версия
field-date = Дата
field-authors = Автори
field-adoption-decision = Решение на общинския съвет
field-adoption-date = Дата на приемане
field-languages = Езици
field-plan-language = Език на плана
field-currency = Валута
field-summary = Резюме
field-narrative = Описание
field-label = Какво се измерва
field-value = Стойност
field-unit = Мерна единица
field-year = Година
field-source = Източник
field-note = Бележка
field-organisation = Организация
field-contact = Лице за контакт
field-sector = Сектор
field-role = Роля
field-influence = Влияние
field-interest = Интерес
field-topic = Тема
field-place = Място
field-attendees = Участници
field-decisions = Решения
field-title = Заглавие
field-description = Описание
field-causes = Причини
field-effects = Последици
field-evidence = Данни
field-vision = Визия
field-code = Код
field-theme = Тема
field-problems = Проблеми, които решава
specific-objectives = Специфични цели
add-specific-objective = Добавяне на специфична цел
field-smart = Какво, колко, до кога
field-indicators = Индикатори
field-deadline = Срок
field-objective = Стратегическа цел
field-specific-objective = Специфична цел
field-lead = Водеща организация
field-partners = Партньори
field-target-group = Целева група
field-location = Място на изпълнение
field-start = Начало
field-end = Край
field-action-status = Статус на дейността
field-priority = Приоритет
field-cost = Стойност
field-funded = Финансирано
field-outputs = Продукти
field-results = Резултати
field-risks = Рискове
field-depends-on = Зависи от
field-strategy-goals = Цели на стратегиите, за които допринася
field-strategy-title = Стратегия
field-reference = Документ
field-skilled-migrants = За привличане на квалифицирани мигранти
field-serving-actions = Дейности, които допринасят за целта
field-programme = Програма
field-call = Покана
field-amount = Сума
field-co-financing = Процент на съфинансиране
field-funding-status = Осигурено или потенциално
add-funding-line = Добавяне на източник
funding-summary = Стойност { $cost }; осигурено { $secured }; потенциално { $potential }; неосигурено { $unsecured }
field-fund = Фонд
field-pilot-objective = Цел на пилотния проект
field-duration-months = Продължителност (месеци)
field-readiness = Готовност
field-linked-actions = Дейности от плана, които изпълнява
field-budget = Бюджет по категории разходи
field-cost-category = Категория разходи
add-budget-line = Добавяне на бюджетен ред
total = Общо
fund-share = Плаща фондът
field-target = Целева стойност
field-name = Наименование
field-level = Ниво
field-definition = Определение
field-frequency = Честота
field-data-source = Източник на данни
field-owner = Отговорник
field-baseline = Базова стойност
field-has-baseline = Има базова стойност
field-baseline-value = Базова стойност
field-baseline-year = Година на базовата стойност
field-baseline-source = Източник на базовата стойност
field-targets = Цели по години
field-target-year = Година
field-target-value = Целева стойност
add-target = Добавяне на цел
field-likelihood = Вероятност
field-impact = Въздействие
field-mitigation = Мерки
field-threatened-actions = Дейности, които застрашава
risk-score = Оценка на риска (вероятност × въздействие)
risk-matrix = Матрица на рисковете
field-coordinator = Координатор
field-implementing-bodies = Изпълнители
field-reporting-frequency = Честота на отчитане
field-reporting-to = Отчита се пред
field-monitoring = Как се наблюдава изпълнението
field-review-points = Прегледи
field-month = Месец
add-review-point = Добавяне на преглед
field-home-city = Градът на плана
field-area = Област
field-framework = Рамка
field-weight = Тегло
field-direction = Посока
field-indicator = Индикатор
openness-indicators = Индикатори на областта
add-openness-indicator = Добавяне на индикатор
add-value = Добавяне на стойност
openness-index = Индекс
openness-no-data = Добавете градове, рамка и стойности, за да видите индекса.
openness-method = Как се изчислява индексът
openness-profile = Профил на отвореността: оценка на всяка област за всеки град (как се изчислява – по-долу)
openness-sources = Година и източник на всяка стойност
comments-title = Коментари от прегледа
field-author = Автор
field-about-section = За стъпката
field-about-item = За елемента
field-comment = Коментар
field-resolved = Решен
replies = Отговори
field-reply = Отговор
add-reply = Добавяне на отговор
completeness-title = Попълненост на всяка стъпка
timeline-empty = Още няма дейност с начален и краен месец.
timeline-unscheduled = { $n ->
    [one] 1 дейност няма дати и не е показана.
   *[other] { $n } дейности нямат дати и не са показани.
}
total-cost = Обща стойност
secured = Осигурено
potential = Потенциално
thousands = хиляди

# PDF отчетът
pdf-action = Дейност
pdf-action-details = Дейностите подробно
pdf-actions = Дейности
pdf-adoption = Решение на общинския съвет
pdf-amount = Сума
pdf-annex-comments = Приложение: коментари от прегледа
pdf-annex-findings = Приложение: констатации от проверките
pdf-area = Област
pdf-attendees = Участници
pdf-authors = Автори
pdf-baseline = Базова стойност
pdf-budget = Бюджет
pdf-by-source = Финансиране по източници
pdf-by-year = Разходи по години
pdf-call = Покана
pdf-causes = Причини
pdf-city = Град
pdf-code = Код
pdf-contents = Съдържание
pdf-coordinator = Координатор
pdf-cost = Стойност
pdf-cost-category = Категория разходи
pdf-cover-kind = Местен план за действие · URBACT „Отворени градове“
pdf-currency = Валута
pdf-date = Дата
pdf-deadline = Срок
pdf-depends-on = Зависи от
pdf-description = Описание
pdf-draft-watermark = ПРОЕКТ
pdf-duration = Продължителност
pdf-effects = Последици
pdf-empty = В този раздел още няма въведени данни.
pdf-eu-emblem-alt = Емблема на Европейския съюз
pdf-evidence = Данни
pdf-finding = Констатация
pdf-framework = Рамка
pdf-frequency-owner = Честота, отговорник, източник
pdf-fund = Фонд
pdf-fund-share = Плаща фондът
pdf-funding = Финансиране
pdf-funding-lines = Източници на финансиране по дейности
pdf-implementing-bodies = Изпълнители
pdf-index = Индекс на отвореност
pdf-indicator = Индикатор
pdf-indicators = Индикатори
pdf-influence-interest = Влияние / интерес
pdf-languages = Езици
pdf-lead = Водеща организация
pdf-level = Ниво
pdf-likelihood-impact = Вероятност / въздействие
pdf-link-contents = { $title }, страница { $page }
pdf-linked-actions = Дейности от плана, които изпълнява
pdf-location = Място
pdf-meetings = Срещи
pdf-members = Членове
pdf-method = Как се изчислява индексът
pdf-mitigation = Мерки
pdf-month = Месец
pdf-months = Период
pdf-months-unit = месеца
pdf-municipality = Община
pdf-note = Бележка
pdf-objective = Цел
pdf-open = отворен
pdf-organisation = Организация
pdf-outputs = Продукти
pdf-overall = Общ индекс
pdf-owner = Отговорник
pdf-partners = Партньори
pdf-period = Период
pdf-pilot-objective = Цел
pdf-place = Място
pdf-potential = Потенциално
pdf-priority = приоритет
pdf-profile = Профил на отвореността спрямо градовете за сравнение
pdf-programme = Програма
pdf-programme-call = Програма — покана
pdf-raw-values = Стойности, години и източници
pdf-readiness = Готовност
pdf-reference = Документ
pdf-reporting = Отчитане
pdf-resolved = решен
pdf-results = Резултати
pdf-review-points = Прегледи
pdf-risk = Риск
pdf-risk-matrix = Матрица на рисковете
pdf-risks = Рискове
pdf-role = Роля
pdf-sector = Сектор
pdf-secured = Осигурено
pdf-secured-or-potential = Статус
pdf-serving-actions = Дейности, които допринасят
pdf-severity = Тежест
pdf-skilled-migrants = привличане на квалифицирани мигранти
pdf-source = Източник
pdf-status = Статус
pdf-subject = Местен план за действие за интеграция на мигрантите и отвореност на града
pdf-summary = Резюме
pdf-target = Цел
pdf-target-group = Целева група
pdf-targets = Целеви стойности
pdf-theme = Тема
pdf-timeline = График на дейностите
pdf-total = Общо
pdf-total-cost = Обща стойност
pdf-unit = Мерна единица
pdf-value = Стойност
pdf-version = Версия
pdf-vision = Визия
pdf-where = Къде
pdf-year = Година
pdf-year-source = Година и източник
pdf-share-percent = Дял, %
pdf-subtotal = Общо за цел
pdf-no-objective = Без цел
pdf-indicator-measurement = Измерване на индикаторите
pdf-baseline-year = Година на базата
pdf-baseline-source = Източник на базата
pdf-page-of = Страница { $page } от { $total }
export-done = PDF файлът е записан: { $file }
export-tables-done = Работната книга е записана: { $file }
export-running = Експорт в PDF…
export-open = Отваряне
export-lost = Някои знаци не могат да се покажат с шрифта на PDF и са заменени с „?“: { $items }
export-pages = { $n ->
    [one] 1 страница
   *[other] { $n } страници
}
export-options = Настройки на PDF
export-lang = Език на надписите
export-lang-plan = Като плана
export-paper = Хартия
export-sections = Раздели
pdf-fingerprint = Отпечатък (SHA-256): { $fingerprint }
csv-id = Идентификатор
csv-action-id = Идентификатор на дейността
cmd-toggle-review = Режим на преглед (само четене и коментари)
dialog-reviewer-title = Режим на преглед
dialog-reviewer-text = Името ви стои под коментарите, които добавяте. Пита се веднъж и се запомня.
dialog-revision-title = Нова редакция
dialog-revision-text = Приетата версия се пази в историята на плана с нейния отпечатък. Новата редакция ще бъде версия { $version }, проект. Защо се преработва планът?
field-change-note = Причина за промяната
button-start-revision = Нова редакция…
banner-review = Режим на преглед ({ $name }): планът е само за четене; добавяйте коментари с „Добавяне на коментар“ към всеки елемент.
banner-adopted = Този план е приет ({ $decision }) и е само за четене. Промяната му започва нова редакция.
comments-on-item = { $n ->
    [0] Няма коментари
    [one] 1 коментар (отворени: { $open })
   *[other] { $n } коментара (отворени: { $open })
}
add-comment = Добавяне на коментар
open-comments = { $n ->
    [0] Няма отворени коментари
    [one] 1 отворен коментар
   *[other] { $n } отворени коментара
}
go-to-item = Към елемента
cmd-compare = Сравняване с друга версия…
compare-title = Промени
compare-close = Затваряне
compare-with = Сравнено с { $file }
compare-same = Няма разлики.

# File dialogs
cmd-toggle-file-dialog = Собствен диалог за файлове на LAP Studio
fd-open = Отвори
fd-compare = Сравни
fd-export = Експортирай
fd-folder = Папка
fd-up = Една папка нагоре
fd-go = Отиди
fd-recent-folders = Последни папки:
fd-reading = Папката се чете…
fd-empty = Тук няма планове или папки.
fd-file-name = Име на файла
fd-replace = { $file } съществува и ще бъде заменен (предишната версия се пази като файл .bak).
fd-is-folder = { $file } е папка; изберете файл в нея.
fd-no-folder = Папката на { $file } не съществува.
fd-not-found = { $file } не съществува.
fd-native-unavailable = Системният диалог за файлове не можа да се отвори, затова се използва този на LAP Studio.
status-not-saved = Не е записано: не е избран файл.
item-missing = (елемент, който вече не съществува)
view-overview = Проверка и експорт
view-comments = Коментари от прегледа (отворени: { $n })
completeness-help = Попълненост: делът на полетата в тази стъпка, които контролният списък на URBACT изисква и които са попълнени. Стъпка с грешки е попълнена най-много 99 %.
cmd-toggle-steps = Показване или скриване на стъпките
delete-confirm-title = Изтриване на „{ $item }“?
delete-confirm-undo = Връзките към него също се премахват. Редакция → Отмяна връща всичко.
delete-loses-link = { $n ->
    [one] 1 { $what } губи връзката си с него ({ $field })
   *[other] { $n } { $what } губят връзката си с него ({ $field })
}
delete-loses-comments = { $n ->
    [one] 1 коментар от прегледа губи елемента, за който е
   *[other] { $n } коментара от прегледа губят елемента, за който са
}
delete-the-plan = планът
list-untitled = (без заглавие)
field-percent-range = { $value } не е дял: напишете процент от 0 до 100.
axis-openness-area = Област (номерата са по-долу)
axis-openness-score = Оценка
risk-axis-likelihood = Вероятност →
risk-axis-impact = Въздействие →
dialog-read-only-title = Файлът е само за четене
dialog-read-only-text = { $file } е отбелязан само за четене (може би приета версия, пазена нарочно). Да бъде ли заменен въпреки това, записан под друго име, или отказ?
button-replace = Замяна
status-not-saved-read-only = Не е записано: файлът е само за четене.

## Headline figures of the budget (analysis::budget::Figure)
figure-cost = Обща стойност
figure-secured = Осигурено
figure-potential = Потенциално (кандидатствано или планирано)
figure-unsecured = Неосигурено (стойност − осигурено)
figure-uncovered = Без източник на финансиране

## The command line (src/cli.rs). $count, $errors… are numbers already written as the language
## writes them; $n, $ne… the same numbers for choosing the plural.
cli-new-plan = { $file }: нов план от шаблона { $template }
cli-exists = { $file } вече съществува; изберете друго име или добавете --force
cli-unknown-template = няма шаблон { $name }; има: { $names }
cli-unknown-section = няма раздел { $name }; има: { $names }
cli-already-canonical = { $file }: вече е в каноничен вид
cli-not-canonical = { $file }: не е в каноничен вид
cli-rewritten = { $file }: пренаписан (предишната версия е в { $backup })
cli-too-many-actions = --actions { $count } е повече от { $max }, най-многото дейности в един файл
cli-generated = { $file }: синтетичен план с { $count } дейности
cli-pdf-written = { $file }: { $n ->
    [one] { $count } страница
   *[other] { $count } страници
}
cli-font-lost = предупреждение: { $item }: знаци, които шрифтът на PDF не може да покаже, са заменени с „?“: { $chars }
cli-text-cut = предупреждение: { $item }: текст, твърде дълъг за мястото си в PDF ({ $place }), е съкратен с „…“
cli-cannot-write = изходът не може да бъде записан: { $error }
cli-check-totals = { $file }: { $ne ->
    [one] { $errors } грешка
   *[other] { $errors } грешки
}, { $nw ->
    [one] { $warnings } предупреждение
   *[other] { $warnings } предупреждения
}, { $nh ->
    [one] { $hints } подсказка
   *[other] { $hints } подсказки
}; попълненост { $complete }
cli-summary-period = Период: { $period }; статус: { $status }; версия { $version }
cli-summary-contents = Съдържание: { $items }
cli-count-objectives = { $n ->
    [one] { $count } цел
   *[other] { $count } цели
}
cli-count-actions = { $n ->
    [one] { $count } дейност
   *[other] { $count } дейности
}
cli-count-pilots = { $n ->
    [one] { $count } пилотен проект
   *[other] { $count } пилотни проекта
}
cli-count-indicators = { $n ->
    [one] { $count } индикатор
   *[other] { $count } индикатора
}
cli-count-risks = { $n ->
    [one] { $count } риск
   *[other] { $count } риска
}
cli-count-members = { $n ->
    [one] { $count } член на групата
   *[other] { $count } членове на групата
}
cli-summary-index = Индекс на отвореност (последни стойности, спрямо сравняваните градове):
cli-summary-complete = Попълненост: { $complete }; грешки / предупреждения / подсказки: { $errors } / { $warnings } / { $hints }
cli-diff-same = няма разлики
cli-diff-money = стойност { $cost }; осигурено { $secured }; потенциално { $potential }

## The funding catalogue in the app (src/app/catalogue.rs)
field-catalogue = Програма и покана (каталог на финансирането)
catalogue-none = — няма я в каталога (въведете програма и покана) —
catalogue-closes = краен срок
catalogue-rules = Правила на програмата и поканата
catalogue-programme = Програма
catalogue-fund = Фонд
catalogue-management = Управление
catalogue-authority = Управляващ орган
catalogue-cci = Код на програмата (CCI)
catalogue-call = Покана
catalogue-priority = Приоритет
catalogue-open-close = Отворена
catalogue-grant = Безвъзмездна помощ (мин. – макс.)
catalogue-duration = Най-дълъг проект
catalogue-months = месеца
catalogue-consortium = Партньорство
catalogue-min-partners = партньори поне
catalogue-min-countries = държави поне
catalogue-max-rate = Макс. съфинансиране
catalogue-eligible-until = Разходите са допустими до
catalogue-applicants = Кой може да кандидатства
catalogue-unconfirmed = Непотвърдено:
catalogue-source = Източник
catalogue-sources = Източници:
catalogue-as-of = към
field-lead-type = Вид на водещата организация (определя по кои фондове може да кандидатства)
lead-type-taken = От местната група или общината:
field-countries = Държави на кандидатите (ISO кодове, напр. BG)
field-region = Регион (NUTS 2)
field-region-category = Категория на региона (определя най-високото съфинансиране от ЕС)

## Funding rules and sources in the reports (src/report/tables.rs)
pdf-rate-stated = Съфин. %
pdf-rate-max = Макс. %
pdf-call-rules = Правила на поканата
pdf-calls = Програми и покани и техните правила
pdf-sources = Източници
pdf-source-id = №
pdf-source-ref = Източник
pdf-source-supports = Подкрепя
pdf-annex-sources = Приложение: източници

## Spreadsheets (src/report/sheets.rs, xlsx.rs)
xlsx-actions = Дейности
xlsx-funding = Финансиране
xlsx-indicators = Индикатори
xlsx-openness = Стойности за отвореност
xlsx-city = Град
xlsx-area = Област
xlsx-indicator = Индикатор
xlsx-year = Година
xlsx-value = Стойност
xlsx-source = Източник

## The council document (issue 12): approval, foreword, glossary, logos, summary, charts
field-openness-method = Метод на оценяване
field-foreword = Обръщение (по избор, например от кмета)
field-foreword-by = Обръщението е подписано от
field-logos = Лога на корицата (файлове PNG или JPEG, пътища спрямо файла на плана)
field-eu-emblem = Емблема на ЕС (файл PNG или JPEG; празно: без емблема)
field-signatories = Подписващи страницата за одобрение
add-signatory = Добави подписващ
field-glossary = Речник: собствени съкращения на плана
help-glossary = Често срещаните съкращения (ЕСФ+, ФУМИ, ЕФРР, ЕГИ…) са вградени и се изброяват, когато планът ги използва; добавете тук другите съкращения на плана или друго пояснение на вградено съкращение.
field-abbreviation = Съкращение
field-expansion-bg = Значение на български
field-expansion-en = Значение на английски
add-glossary-entry = Добави съкращение
export-consultation-copy = Копие за консултация (добавя откритите констатации, коментарите от прегледа и вътрешните идентификатори)
pdf-exec-summary = Обобщение
pdf-key-figures = Основни показатели
pdf-share-of-cost = { $share } от стойността
pdf-funds-targeted = Фондове, към които е насочен планът
pdf-actions-per-objective = Дейности по стратегически цели
pdf-strategic-objective = Стратегическа цел
pdf-actions-count = Дейности
pdf-pilots-count = Пилотни проекти
pdf-openness-home = Индекс на отвореност на { $city }
pdf-openness-rank = { $score } ({ $method }); място { $rank } от { $n } града
pdf-approval = Одобрение
pdf-approval-text = Местният план за действие се приема с решение на общинския съвет.
pdf-council-decision = Решение на общинския съвет
pdf-decision-date = Дата на решението
pdf-not-adopted = попълва се след решението
pdf-signature = подпис
pdf-foreword = Обръщение
pdf-glossary = Списък на съкращенията
pdf-abbreviation = Съкращение
pdf-meaning = Значение
pdf-annex-support-group = Приложение: местна група за подкрепа
pdf-cofunded = Съфинансирано от Европейския съюз
pdf-figure = Фигура { $n }.
pdf-likelihood = Вероятност
pdf-impact = Въздействие
pdf-gantt-legend-continued = Стратегически цели (продължение)
pdf-average-line = средно за групата = 100
pdf-fiche-period = Период
pdf-fiche-cost = Стойност
pdf-fiche-funding = Финансиране
pdf-pilot-mismatch = Несъответствие с източниците на финансиране в плана:
pdf-internal-id = Вътрешен идентификатор
cli-image-missing = внимание: изображението за корицата { $file } не може да се използва (липсва, не е PNG или JPEG или е твърде голямо); корицата е без него

## The plan's sources (context step)
field-sources = Източници на данните и фактите в плана
help-sources = Всяка цифра и всеки факт в плана се нуждае от публичен източник, който читателят може да отвори. PDF отпечатва този списък като приложение.
field-source-title = Заглавие на документа, таблицата или страницата
field-publisher = Издател
field-url = Уеб адрес
field-accessed = Прегледан на
field-supports = Кои данни или твърдения подкрепя
add-source = Добавяне на източник

## Таблица на стойностите за отвореност: внос и износ
values-no-year = без година
values-import-unreadable = { $file } не може да се прочете: { $error }
values-import-too-large = файлът е по-голям от { $max } MB
values-import-not-a-table = Файлът не е таблица, която програмата чете: { $error }
values-import-no-sheet = работната книга няма лист
values-import-too-many-rows = Таблицата има повече от { $max } реда
values-import-empty = Таблицата няма стойности: първият ред назовава колоните (град, индикатор, година, стойност, източник), под него по една стойност на ред
values-import-no-column = Ред { $line }: няма колона „{ $column }“ (първият ред назовава колоните: град, индикатор, година, стойност, източник)
values-import-no-city = Ред { $line }: няма град
values-import-unknown-city = Ред { $line }: няма сравняван град с име или идентификатор „{ $city }“
values-import-ambiguous-city = Ред { $line }: повече от един град се казва „{ $city }“; използвайте идентификатора му
values-import-no-indicator = Ред { $line }: няма индикатор
values-import-unknown-indicator = Ред { $line }: в рамката няма индикатор с име или идентификатор „{ $indicator }“
values-import-ambiguous-indicator = Ред { $line }: повече от един индикатор се казва „{ $indicator }“; използвайте идентификатора му
values-import-bad-year = Ред { $line }: „{ $year }“ не е година между 1900 и 2100
values-import-no-value = Ред { $line }: няма стойност
values-import-bad-value = Ред { $line }: { $error }
values-import-duplicate = Ред { $line }: втора стойност на { $indicator } за { $city } ({ $year }); първата е на ред { $first }
values-imported = { $count ->
    [one] Внесена е една стойност в { $file }
   *[other] Внесени са { $count } стойности в { $file }
}
values-exported = Стойностите за отвореност са записани в { $file }
values-import-failed = Нищо не е внесено от { $file }:
cmd-export-values = Експорт на стойностите за отвореност (CSV или xlsx)…
cmd-import-values = Внос на стойностите за отвореност (CSV или xlsx)…
fd-import = Внеси
values-import-locked = Планът не може да се променя сега (приет е или е отворен за преглед): нищо не е внесено.
field-openness-definition = Какво планът разбира под отвореност
field-openness-year = Профил за годината
openness-latest = Последни стойности
openness-trend = Динамика: общият индекс на всеки град по години
openness-trend-chart = Общ индекс по градове и години
axis-year = Година
axis-openness-index = Индекс
field-values-year = Стойности за годината
field-values-other-year = Или друга година
values-year-hint = Годината, за която е стойността; 0 за стойност без година
values-delete = Изтриване на стойността
pdf-definition = Какво планът разбира под отвореност
pdf-trend = Индексът на отвореност през годините
values-import-adopted = { $file } е приет план: данните му се променят само в нова редакция (започнете я в приложението); нищо не е внесено
fd-filter-values = Таблици (CSV, Excel)
fd-filter-pdf = PDF
fd-filter-progress = PDF или HTML
fd-filter-xlsx = Работни книги на Excel
fd-filter-plan = Планове на LAP Studio

## Сравнение на плановете на няколко града (lap-studio compare, изгледът за сравнение)
cmp-title = Сравнение на местни планове за действие
cmp-intro = { $n ->
    [one] Сравнява се { $count } план: { $cities }. Оценки на отвореността { $method }.
   *[other] Сравняват се { $count } плана: { $cities }. Оценки на отвореността { $method }.
}
cmp-plans = Сравнявани планове
cmp-plan = План
cmp-cost = Обща стойност
cmp-secured-share = Осигурени
cmp-profile = Профили на отвореността спрямо средното за групата
cmp-average = Средно за групата
cmp-each-own = Всеки план носи само стойностите на своя град (това, което планът казва за партньорите си, е негова оценка, а не техни данни); градът на първия план е в тъмен цвят.
cmp-shared = { $n ->
    [0] Нито един индикатор не е в рамката на всеки план, затова отвореността не се сравнява.
    [one] Сравнява се по { $count } индикатор, който е в рамката на всеки план: { $ids }.
   *[other] Сравнява се по { $count } индикатора, които са в рамката на всеки план: { $ids }.
}
cmp-left-out-missing = Изключен: { $id } ({ $name }) не е в рамката на { $cities }.
cmp-left-out-direction = Изключен: { $id } ({ $name }): плановете не са съгласни дали повече е по-добре.
cmp-no-home = { $cities }: планът не посочва свой град в оценката на отвореността, затова тук няма негови стойности.
cmp-trend = Отвореността през годините
cmp-no-trend = Сравняваните стойности са за по-малко от две години, затова няма динамика.
cmp-themes = Цели и дейности по теми
cmp-theme = Тема
cmp-no-theme = Без цел
cmp-budget = Бюджет по фондове
cmp-fund = Фонд и програма
cmp-total = Общо финансиране
cmp-budget-note = Осигурените и потенциалните средства от всеки ред на финансиране, по фондове и после по програми (името от каталога на финансирането или думите на плана), във валутата на всеки план.
cmp-mixed-currencies = Плановете са в различни валути, затова сумите им не са пряко сравними.
cli-compare-written = { $file }: сравнение на { $n ->
    [one] { $count } план
   *[other] { $count } плана
}
cli-compare-format = { $file }: сравнението се записва като PDF (.pdf) или HTML (.html); посочете го с името на файла
cmd-compare-cities = Сравнение на плановете на градове…
fd-add-to-comparison = Добави към сравнението
cmp-add = Добави план…
cmp-remove = Премахни
cmp-method = Метод
cmp-add-hint = Добавете плановете на градовете-партньори, за да ги сравните с този.
cmp-transfers = Добри практики от град на град
cmp-from-to = От (ред) към (колона)
cmp-transfer-list = Всяка дейност, която адаптира добра практика
cmp-practice = Добра практика
cmp-from = От
cmp-to = Към
cmp-action = Дейност
cmp-adapted = Какво се адаптира
cmp-unknown-city = Неизвестен град
cmp-no-transfers = Нито една дейност на тези планове не адаптира добра практика.
cmp-transfers-note = Преброени са дейностите, които адаптират добра практика: от града на практиката (според практиките на плана или библиотеката на LAP Studio) към града на плана. Градът на практиката се смята за сравняван град, когато името му съвпада с града на плана, както планът го пише; същият град, изписан на друг език, е отделен ред.
## Добри практики и трансфер (issue 14)
help-practices = Практики, изпробвани от други градове, всяка с публичните си източници: разгледайте библиотеката на LAP Studio или практиките на плана, филтрирайте по тема и град и превърнете практика в проект на дейност, която да адаптирате (методът на URBACT „Разбери – адаптирай – използвай отново“).
help-exchanges = Учебни посещения, транснационални семинари, публични дебати, консултации и събития: кой е участвал, какво е научено или казано и до кои дейности е довело. Всеки коментар от консултация получава отговора на плана.
practices-library = Библиотека
practices-own = Практики на плана
practices-any = (всички)
practices-theme = Тема
practices-city = Град
practices-count = { $n ->
    [one] { $n } практика
   *[other] { $n } практики
}
practices-in-plan = Планът вече съдържа тази практика.
practice-to-action = Превърни в проект на дейност
practice-adapted-by = Адаптирана от
field-practice-themes = Теми
field-period = Кога
field-practice-problem = Проблем, на който отговаря
field-practice-evidence = Доказани резултати
field-practice-cost = Стойност
field-practice-contact = Контакт
field-practice-sources = Източници
field-practice-organisation = Организация за контакт
field-practice-page = Нейната публична страница (http или https)
field-source-url = Уеб адрес
field-source-as-of = Дата (както я дава източникът)
field-adapts = Адаптира добрата практика
hint-practices-step = Практиките идват от стъпка „Добри практики“: там превърнете практика в дейност или добавете собствена.
field-uar-understood = Разбери: какво е разбрано от практиката
field-uar-adapted = Адаптирай: какво се променя за този град
field-uar-why = Защо се променя
field-uar-reused = Използвай отново: какво се взема без промяна
field-exchange-kind = Вид
field-organisers = Организатори
field-participants = Участници по сектори
field-participants-total = Общо
field-migrant-background-counted = Преброени са участниците с мигрантски произход
field-migrant-background = От тях с мигрантски произход
field-exchange-outcome = Какво е научено или казано
field-led-to-actions = Дейности, до които е довело
field-exchange-note = Източник на записа (или че е илюстративен)
field-consultation-comments = Коментари и отговори
hint-comments-consultation = Коментари се водят за обществени консултации.
field-comment-from = От
field-comment-text = Коментар
field-comment-response = Отговор на плана
add-consultation-comment = Добави коментар
pdf-practices = Добри практики
pdf-practice = Практика
pdf-practice-city = Град
pdf-practice-themes = Теми
pdf-practice-evidence = Доказани резултати
pdf-practice-cost = Стойност
pdf-practice-adapted-by = Адаптирана от
pdf-not-found = не е открито в източниците
pdf-source-title = Източник
pdf-source-url = Адрес
pdf-source-as-of = Дата
pdf-transfer = Трансфер: разбери, адаптирай, използвай отново
pdf-transfer-intro = За всяка дейност, която адаптира практика: какво е разбрано от нея, какво се адаптира и защо, и какво се използва без промяна (методът за трансфер на URBACT).
pdf-adapts = Адаптира
pdf-uar-understood = Разбрано
pdf-uar-adapted = Адаптирано
pdf-uar-why = Защо
pdf-uar-reused = Използвано без промяна
pdf-uar-missing = (предстои да се напише)
pdf-practice-sources = Източници на практиките
pdf-exchanges = Обмен и участие
pdf-exchange = Заглавие и място
pdf-exchange-kind = Вид
pdf-exchange-organisers = Организатори
pdf-exchange-participants = Участници
pdf-exchange-outcome = Какво е научено или казано
pdf-exchange-migrant-background = с мигрантски произход
pdf-consultation-comments = Коментари от консултациите и отговори
pdf-comment-from = От
pdf-comment-text = Коментар
pdf-comment-response = Отговор
pdf-comment-no-response = (все още без отговор)
check-adopted-without-consultation = Планът е приет, но в регистъра за обмен и участие няма обществена консултация
check-comments-unanswered = Консултация { $name }: { $n ->
    [one] { $n } коментар е
   *[other] { $n } коментара са
} без отговор

## Файлове на мрежата (issue 14)
cli-network-exists = { $file } вече съществува; нов файл на мрежа никога не заменя съществуващ
cli-network-written = Файлът на мрежата е записан в { $file }: { $cities ->
    [one] { $cities } град
   *[other] { $cities } града
}, { $values ->
    [one] { $values } стойност
   *[other] { $values } стойности
}
cli-network-checked = { $file }: { $cities ->
    [one] { $cities } град
   *[other] { $cities } града
}, { $values ->
    [one] { $values } стойност
   *[other] { $values } стойности
}, { $practices ->
    [one] { $practices } практика
   *[other] { $practices } практики
}; { $errors ->
    [one] { $errors } грешка
   *[other] { $errors } грешки
}, { $warnings ->
    [one] { $warnings } предупреждение
   *[other] { $warnings } предупреждения
}
cli-network-plan-not-linked = { $plan }: рамката за отвореност не е взета от файл на мрежа
cli-network-plan-other = { $plan }: рамката за отвореност е от друга мрежа, не от { $network }
cli-network-plan-current = { $plan }: актуален спрямо { $network } { $version } ({ $date })
cli-network-plan-older = { $plan }: копието на { $network } е версия { $taken } ({ $taken_date }), по-стара от версията на мрежата { $version } ({ $date }); изпълнете `lap-studio network import`, за да го обновите
cli-network-imported = { $plan } вече има рамката и { $values ->
    [one] { $values } стойност
   *[other] { $values } стойности
} на { $network } { $version }
pdf-network = Рамка, договорена в мрежата
pdf-network-version = версия
hint-network = Взета от файла на мрежата; приложението чете този файл и казва тук, когато мрежата има по-нова версия (в командния ред `lap-studio network check`); „Файл › Рамка от файла на мрежата…“ или `lap-studio network import` я внася.
monitoring-rag-on-track = По план
monitoring-rag-at-risk = В риск
monitoring-rag-off-track = Изостава
monitoring-rag-no-data = Няма данни
monitoring-reason-no-path = индикаторът няма нито базова стойност, нито цели, спрямо които да се прецени стойността
monitoring-reason-no-actual = все още няма отчетена стойност
monitoring-reason-indicator-ahead = { $actual } към { $date } при очаквани към тази дата { $expected }: на очакваното ниво или по-добре
monitoring-reason-indicator-behind = { $actual } към { $date } при очаквани към тази дата { $expected }: не достигат { $shortfall } от промяната, планирана дотогава
monitoring-reason-no-schedule = няма планирано начало и няма отчет за напредък
monitoring-reason-no-progress = трябваше да започне през { $start }, но в нито един кръг няма отчет за нея
monitoring-reason-not-due = предстои да започне през { $start }
monitoring-reason-on-schedule = изпълнява се по график, разходите съответстват на свършената работа
monitoring-reason-completed = изпълнена
monitoring-reason-finished-late = изпълнена през { $actual } при планиран край { $planned }
monitoring-reason-cancelled = отменена, не се оценява
monitoring-reason-late-start = трябваше да започне през { $planned }, но още не е започнала: { $months ->
    [one] закъснение с един месец
   *[other] закъснение с { $months } месеца
}
monitoring-reason-late-end = трябваше да приключи през { $planned }, но още не е приключила: { $months ->
    [one] просрочена с един месец
   *[other] просрочена с { $months } месеца
}
monitoring-reason-milestone-overdue = етапът „{ $title }“ трябваше да бъде достигнат през { $due }, но още не е достигнат
monitoring-reason-spend-ahead = изразходвани са { $spent } от стойността, а работата е свършена на { $done }
monitoring-reason-spend-above-cost = изразходвани са { $spent } — повече от стойността на дейността ({ $cost })
monitoring-reason-rollup = { $on } по план, { $risk } в риск, { $off } изостават, { $none } без данни
monitoring-method = Състояние към { $date }. Индикаторът се оценява по последната отчетена до тази дата стойност спрямо очакваната към същата дата: правите линии от базовата стойност през целите, като стойността за една година се отнася за края ѝ (преди първата — първата, след последната — последната). По-високото е по-добре, когато последната цел е над базовата стойност, по-ниското — когато е под нея. Изоставането се мери като дял от промяната, планирана от базовата стойност дотогава (без базова стойност — от очакваната стойност): до { $tolerance } е по план, до { $twice } — в риск, повече — изостава; допустимото отклонение е зададено в плана. Дейността се оценява по последния отчет: незапочнала след планираното начало е в риск, етап след срока си е в риск, неприключила след планирания край изостава; разходи с повече от { $tolerance } пункта пред свършената работа са в риск, с повече от { $twice } пункта или над стойността — изостава; дейност, която трябваше да започне и няма отчет, е без данни. Специфичната цел обобщава своите индикатори и дейности, стратегическата — индикаторите на специфичните си цели и своите дейности: изостава, когато поне една трета от оценените изостават, в риск е, когато някой е в риск или изостава, по план — когато всички са по план; елементите без данни се броят, но не се оценяват.
check-monitoring-before-adoption = Кръгът на наблюдение { $round } е с дата преди приемането на плана ({ $adopted })
check-monitoring-actual-missing = Кръгът на наблюдение { $round } няма стойност на индикатор { $indicator }, който има цел в обхванатия период
check-monitoring-spend-above-cost = Кръг на наблюдение { $round }: дейност { $action } е изразходвала { $spent }, повече от стойността си { $cost }
check-monitoring-end-before-start = Кръг на наблюдение { $round }: дейност { $action } е приключила ({ $end }) преди да започне ({ $start })
check-monitoring-done-not-completed = Кръг на наблюдение { $round }: дейност { $action } е изпълнена на 100 %, но статусът ѝ е „{ $status }“
cli-summary-monitoring = Наблюдение към { $date } ({ $rounds ->
    [one] един кръг
   *[other] { $rounds } кръга
}): дейности { $actions }; индикатори { $indicators }; изразходвани { $spent } ({ $share } от стойността), поети ангажименти { $committed }
help-monitoring = Проследяване на изпълнението на плана: всеки кръг на наблюдение записва стойностите на индикаторите и напредъка и разходите по всяка дейност; последният кръг е текущото състояние, предишните остават като история. Приетият план остава заключен: кръговете не са част от съдържанието му и не променят отпечатъка му.
monitoring-round = Кръг на наблюдение
monitoring-no-rounds = Все още няма кръг
monitoring-no-rounds-help = Започнете кръг, за да запишете какво е измерено и свършено.
monitoring-start-round = Нов кръг
monitoring-period-start = Начало на отчетния период
monitoring-period-end = Край на отчетния период
monitoring-note = Бележка
monitoring-indicators = Индикатори: цели и стойности по години
monitoring-progress = Дейности: напредък и разходи
monitoring-status = Състояние
monitoring-indicator = Индикатор
monitoring-baseline = Базова стойност
monitoring-target-short = цел
monitoring-actual = стойност
monitoring-report-action = Добавяне на отчет за дейността
monitoring-percent-done = Изпълнение
monitoring-actual-start = Действително начало
monitoring-actual-end = Действителен край
monitoring-spent = Изразходвани
monitoring-committed = Поети ангажименти
monitoring-due = срок
monitoring-narrative = Какво е свършено
monitoring-issues = Проблеми
field-milestones = Етапи
field-due = Срок
add-milestone = Добавяне на етап
field-milestone-title = Етап
## Файлът на мрежата в приложението
cmd-take-network = Рамка от файла на мрежата…
fd-take-network = Вземи
fd-filter-network = Файлове на мрежа (.lapnet.ron)
network-take-locked = Планът не може да се променя сега (приет е или е отворен за преглед): нищо не е взето от файла на мрежата.
network-taken = Взета е рамката на { $network }, версия { $version }, с { $n ->
    [one] { $count } стойност
   *[other] { $count } стойности
} от { $file }. „Отмени“ я връща.
network-older = Рамката на този план е { $network }, версия { $taken }; файлът на мрежата { $file } е с версия { $current }.
network-take-again = Вземи новата версия
network-unreadable = Файлът на мрежата, от който е рамката на плана, не може да се прочете сега ({ $file }): { $message }
cmp-add-network = Добави файл на мрежа…
practices-network = Библиотеката на { $network }
practices-network-empty = Във файла на мрежата няма добри практики.
values-import-how = { $file } съдържа { $n ->
    [one] { $count } стойност
   *[other] { $count } стойности
}; планът има { $values } свои. Да се добавят ли стойностите от таблицата към тях (стойност за същия град, индикатор и година се заменя), или да ги заменят изцяло?
values-import-add = Добави към стойностите на плана
values-import-replace = Замени стойностите на плана
pdf-trend-caption = Отвореността през годините: общият индекс на всеки сравняван град по години; градът на плана е в тъмен цвят и със стойностите си, всяка линия е назована в края си.

## The plan's charts: captions and text alternatives (PDF and HTML)
chart-caption-gantt = График на дейностите по месеци, групирани и оцветени по стратегически цели.
chart-caption-budget = Финансиране по източници: осигурени (плътно) и потенциални (щриховано) средства.
chart-caption-risks = Матрица на рисковете: рисковете по вероятност и въздействие; по-тъмните клетки са с по-висока оценка.
chart-caption-openness = Профил на отвореността: оценката на всяка област за всеки сравняван град; градът на плана е в тъмен цвят и със стойност.
chart-alt-gantt = { $n ->
    [one] { $count } дейност с график
   *[other] { $count } дейности с график
} по { $objectives ->
    [one] { $objectives_count } стратегическа цел
   *[other] { $objectives_count } стратегически цели
}, от { $from } до { $to }.
chart-alt-gantt-none = Нито една дейност няма дати.
chart-alt-gantt-longest = Най-дългата, { $code }, продължава { $n ->
    [one] { $count } месец
   *[other] { $count } месеца
}.
chart-alt-budget = Обща стойност { $cost }; осигурени { $secured } ({ $share }), потенциални { $potential }, неосигурени { $unsecured }.
chart-alt-budget-largest = Най-големият източник е { $source } с { $amount }.
chart-alt-risks = Рискове: { $count }; с висока оценка (15 и повече): { $high }; с повишена оценка (10–14): { $medium }; останалите с по-ниска.
chart-alt-risks-high = { $count } ({ $codes })
chart-alt-risks-no-high = нито един
chart-risk-code = Р{ $n }
chart-no-home = Не е посочен градът на плана.
chart-alt-no-index = { $city }: все още няма общ индекс.
chart-alt-trend-year = { $value } през { $year } г. (място { $rank } от { $count })
chart-alt-trend-one = { $city }: общ индекс { $first } ({ $method }).
chart-alt-trend = { $city }: общ индекс { $first } и { $last } ({ $method }).
chart-alt-openness = { $city }: общ индекс { $value } ({ $method }), място { $rank } от { $count }.
chart-alt-openness-areas = Най-силна област: { $best } ({ $best_score }); най-слаба: { $worst } ({ $worst_score }).
chart-quarter = { $q ->
    [1] I
    [2] II
    [3] III
   *[4] IV
}
chart-no-objective = Без цел

## Внос и износ на измерените стойности на индикаторите (issue 15)
actuals-col-code = Код на индикатора
actuals-col-date = Дата или година
actuals-import-empty = Таблицата няма стойности: първият ред назовава колоните (код на индикатора, дата или година, стойност, източник, бележка), а под него стои по една стойност на ред
actuals-import-no-column = Ред { $line }: няма колона „{ $column }“ (първият ред назовава колоните: код на индикатора, дата или година, стойност, източник, бележка)
actuals-import-no-code = Ред { $line }: няма код на индикатор
actuals-import-unknown-code = Ред { $line }: в плана няма индикатор с код „{ $code }“
actuals-import-ambiguous-code = Ред { $line }: повече от един индикатор има код „{ $code }“; посочете идентификатора му
actuals-import-bad-date = Ред { $line }: „{ $date }“ не е нито година между 1900 и 2100, нито дата: { $error }
actuals-import-no-value = Ред { $line }: няма стойност (попълнете я или изтрийте реда)
actuals-import-bad-value = Ред { $line }: { $error }
actuals-import-duplicate = Ред { $line }: втора стойност на { $code } за { $year }; първата е на ред { $first }
actuals-no-round = { $file } още няма кръг на наблюдение: започнете нов с --new-round ДАТА
actuals-unknown-round = { $file } няма кръг на наблюдение „{ $round }“; кръговете му са: { $rounds }
actuals-bad-new-round = „{ $date }“ не е дата за новия кръг: { $error }
actuals-imported = { $count ->
    [one] Внесена е една стойност в кръг { $round } на { $file }
   *[other] Внесени са { $count } стойности в кръг { $round } на { $file }
}
actuals-skipped = { $count ->
    [one] Пропуснат е един грешен ред:
   *[other] Пропуснати са { $count } грешни реда:
}
actuals-import-refused = Нищо не е внесено от { $file }: { $count ->
    [one] един ред е грешен
   *[other] { $count } реда са грешни
} (останалите се внасят с --skip-bad):
actuals-exported = Стойностите от кръг { $round } са записани в { $file }, по ред за всеки индикатор за попълване
cmd-import-actuals = Внос на стойности на индикаторите (CSV или xlsx)…
actuals-bad-rows-title = Някои редове не могат да бъдат внесени
actuals-bad-rows = { $file }: { $bad ->
    [one] един ред е грешен
   *[other] { $bad } реда са грешни
}, { $good ->
    [one] един е верен
   *[other] { $good } са верни
}. Внесете верните в кръг { $round } и пропуснете грешните, или не внасяйте нищо и поправете файла.
actuals-skip-bad = Внеси верните редове, пропусни грешните
actuals-import-locked = Кръговете на наблюдение не могат да се променят сега (планът е отворен за преглед): нищо не е внесено.

## Графики в стъпката „Наблюдение“
monitoring-chart-indicator = Индикатор на графиката
monitoring-chart-indicator-title = Цел и стойности през годините
monitoring-chart-spend-title = Разходи спрямо бюджета във времето
axis-year-end = Година (стойността за годината е към края ѝ)
axis-value-unit = Стойност ({ $unit })
axis-money = Сума ({ $currency })
chart-planned = Базова стойност и цели
chart-reported = Отчетени стойности
chart-no-data = Още няма базова стойност, цели или стойности за графиката.
chart-no-spend = Още няма датиран кръг с отчетени разходи.
chart-hover-baseline = Базова стойност { $year }: { $value }
chart-hover-target = Цел за { $year }: { $value }
chart-hover-reported = { $date }: { $value } ({ $source }; кръг { $round })
chart-hover-spent = { $source }, { $date }: изразходвани { $amount } към датата от бюджет { $budget }
chart-spend-total = Изразходвани към датата { $spent } от бюджет { $budget } ({ $share })
chart-spend-how = Плътни линии: изразходвано към датата на всеки кръг; пунктир: бюджетът на източника (сборът от финансиранията му).
# Отчетът за напредъка пред общинския съвет (issue 15).
progress-title = Отчет за напредъка пред общинския съвет
progress-title-of = Отчет за напредъка: { $title }
progress-intro = Състояние към { $date } според кръг на наблюдение { $round } (период { $period }). Изготвил: { $name }.
progress-compared = Промените са спрямо предишния кръг, { $round }.
progress-first-round = Това е първият кръг на наблюдение: няма по-ранен кръг, с който да се сравни.
progress-no-previous = Още няма с какво да се сравни: отчетът за следващия кръг ще покаже промените спрямо този.
progress-summary = Обобщение
progress-objectives = Цели
progress-indicators = Индикатори: цели и отчетени стойности
progress-slipped = Забавени и просрочени дейности
progress-next = Следващи стъпки
progress-method = Методика
progress-counts = Брой по състояние
progress-money = Изразходвани и поети средства спрямо бюджета
progress-changes = Какво се промени от предишния кръг
progress-milestones = Етапи, достигнати в този кръг
progress-moved = Дейности с промяна в състоянието, напредъка или разходите
progress-none-moved = Няма дейност с промяна в състоянието, напредъка или разходите от предишния кръг.
progress-indicators-moved = Индикатори с промяна в стойността или състоянието
progress-none-indicators-moved = Няма индикатор с промяна в стойността или състоянието от предишния кръг.
progress-col-indicator = Индикатор
progress-col-change = Промяна
progress-no-status-changes = Няма промяна в състоянието спрямо кръг { $round }.
progress-milestone-reached = { $action }: „{ $title }“ е достигнат на { $date }
progress-no-milestones = В този кръг не е достигнат нов етап.
progress-not-reported = неотчетена
progress-col-what = Какво
progress-col-total = Общо
progress-col-amount = Сума
progress-col-share = Дял от бюджета
progress-col-action = Дейност
progress-col-status = Състояние
progress-col-before = Предишен кръг
progress-col-now = Този кръг
progress-cell-done = изпълнено { $value }
progress-cell-spent = изразходвани { $value }
progress-col-objective = Цел
progress-col-why = Защо
progress-col-year = Година
progress-col-target = Цел
progress-col-expected = Очаквано според плана
progress-col-reported = Отчетено
progress-col-source = Източник
progress-col-narrative = Какво е свършено
progress-col-issues = Проблеми
progress-col-when = Кога
progress-col-due = Какво предстои
progress-row-actions = Дейности
progress-row-indicators = Индикатори
progress-row-specific = Специфични цели
progress-row-strategic = Стратегически цели
progress-row-cost = Стойност на дейностите (бюджетът)
progress-row-spent = Изразходвано
progress-row-committed = Поети задължения, още неплатени
progress-row-used = Изразходвано и поето
progress-row-left = Нито изразходвано, нито поето
progress-baseline-value = { $value } (базова)
progress-status-line = Състояние: { $status } — { $what }.
progress-no-indicators = Планът няма индикатори.
progress-chart-planned = Планирано: базова стойност и цели
progress-chart-reported = Отчетено
progress-chart-caption = Планирана траектория и отчетени стойности по години: { $name }.
progress-chart-alt = { $name }. Планирано: { $expected }. Отчетено: { $values }. Състояние: { $status }.
progress-chart-alt-none = { $name }. Планирано: { $expected }. Още няма отчетена стойност. Състояние: { $status }.
progress-none-slipped = Няма дейност, която е в риск или изостава.
progress-next-intro = Какво предстои през { $period } (следващия период, със същата продължителност като този кръг), заедно с просроченото: още недостигнати етапи и дейности, които трябва да започнат или да приключат.
progress-none-next = В следващия период нищо не предстои.
progress-step-milestone = Етап „{ $title }“ на { $action }
progress-step-milestone-overdue = Етап „{ $title }“ на { $action } (просрочен)
progress-step-start = Дейност { $action } трябва да започне
progress-step-start-late = Дейност { $action } трябваше да започне, но още не е започнала
progress-step-end = Дейност { $action } трябва да приключи
progress-tolerance = Допуск: { $tolerance }, определен в плана. В рамките му стойност или дейност е по план; до двойния му размер — в риск; отвъд — изостава.
cli-progress-format = { $file }: отчетът за напредъка се записва като PDF (.pdf) или HTML (.html); посочете кое с името на файла
cli-progress-no-rounds = { $file } няма кръгове на наблюдение: отчетът за напредъка изисква поне един (започнете кръг в стъпката „Наблюдение на изпълнението“ на приложението)
cli-progress-unknown-round = { $file } няма кръг на наблюдение „{ $round }“; кръговете му са: { $names }
cli-progress-written = { $file }: отчет за напредъка за кръг { $round }
cli-progress-written-pdf = { $file }: отчет за напредъка за кръг { $round }, { $n ->
    [one] { $count } страница
   *[other] { $count } страници
}
progress-no-rounds-app = Планът още няма кръг на наблюдение, затова няма напредък за отчитане. Първо започнете кръг в стъпката „Наблюдение на изпълнението“.
progress-exporting = Отчетът за напредъка се записва…
progress-exported = Отчетът за напредъка е записан: { $file }
