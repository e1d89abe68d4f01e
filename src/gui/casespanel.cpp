// SPDX-License-Identifier: GPL-3.0-or-later
#include "casespanel.h"

#include "model/project.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Quire {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QString typeName(AttributeType type)
{
    switch (type) {
    case AttributeType::Text:
        return CasesPanel::tr("text");
    case AttributeType::Number:
        return CasesPanel::tr("number");
    case AttributeType::Date:
        return CasesPanel::tr("date");
    case AttributeType::Boolean:
        return CasesPanel::tr("true/false");
    case AttributeType::Choice:
        return CasesPanel::tr("choice");
    }
    return QString();
}

/// The editor of an attribute cell matches its type; what it gives is set
/// through the panel (a core command), never written into the table.
class AttributeDelegate : public QStyledItemDelegate
{
public:
    explicit AttributeDelegate(CasesPanel *panel)
        : QStyledItemDelegate(panel)
        , m_panel(panel)
    {}

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const AttributeDef *def = m_panel->definitionAt(index.column());
        if (def && def->type == AttributeType::Choice) {
            auto *box = new QComboBox(parent);
            box->addItem(QString()); // no value
            box->addItems(def->choices);
            // Choosing from the list is the change: no Enter needed.
            QObject::connect(box, &QComboBox::activated, box, [this, box] {
                auto *self = const_cast<AttributeDelegate *>(this);
                Q_EMIT self->commitData(box);
                Q_EMIT self->closeEditor(box);
            });
            return box;
        }
        if (def && def->type == AttributeType::Date) {
            auto *edit = new QDateEdit(parent);
            edit->setCalendarPopup(true);
            edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            return edit;
        }
        return QStyledItemDelegate::createEditor(parent, option, index);
    }

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        const QString value = index.data(Qt::DisplayRole).toString();
        if (auto *box = qobject_cast<QComboBox *>(editor)) {
            box->setCurrentIndex(std::max(0, box->findText(value)));
            return;
        }
        if (auto *edit = qobject_cast<QDateEdit *>(editor)) {
            const QDate date = QDate::fromString(value, Qt::ISODate);
            edit->setDate(date.isValid() ? date : QDate::currentDate());
            return;
        }
        QStyledItemDelegate::setEditorData(editor, index);
    }

    void setModelData(QWidget *editor, QAbstractItemModel *, const QModelIndex &index) const override
    {
        QString value;
        if (auto *box = qobject_cast<QComboBox *>(editor))
            value = box->currentText();
        else if (auto *edit = qobject_cast<QDateEdit *>(editor))
            value = edit->date().toString(Qt::ISODate);
        else if (auto *line = qobject_cast<QLineEdit *>(editor))
            value = line->text();
        else
            return;
        const AttributeDef *def = m_panel->definitionAt(index.column());
        if (!def || value == index.data(Qt::DisplayRole).toString())
            return;
        // The command runs once the editor is closed (the window refreshes
        // after it), or at once when the panel is going away.
        const AttributeScope scope = m_panel->scope();
        const Id owner = m_panel->ownerAt(index.row());
        const QString name = def->name;
        if (m_immediate) {
            m_panel->setValue(scope, owner, name, value);
            return;
        }
        CasesPanel *panel = m_panel;
        QTimer::singleShot(0, panel,
                           [panel, scope, owner, name, value] { panel->setValue(scope, owner, name, value); });
    }

    /// Set by CasesPanel::commitEditing: the value is set before it returns.
    bool m_immediate = false;

private:
    CasesPanel *m_panel;
};

struct AttributeAnswer
{
    AttributeScope scope = AttributeScope::Case;
    QString name;
    AttributeType type = AttributeType::Text;
    QStringList choices;
};

std::optional<AttributeAnswer> askAttribute(QWidget *parent, AttributeScope scope)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("defineAttributeDialog"));
    dialog.setWindowTitle(CasesPanel::tr("Define attribute"));
    auto *name = new QLineEdit;
    name->setObjectName(QStringLiteral("attributeName"));
    auto *scopeBox = new QComboBox;
    scopeBox->setObjectName(QStringLiteral("attributeScope"));
    scopeBox->addItem(CasesPanel::tr("Cases"), int(AttributeScope::Case));
    scopeBox->addItem(CasesPanel::tr("Documents"), int(AttributeScope::Document));
    scopeBox->setCurrentIndex(scope == AttributeScope::Case ? 0 : 1);
    auto *type = new QComboBox;
    type->setObjectName(QStringLiteral("attributeType"));
    for (AttributeType t : {AttributeType::Text, AttributeType::Number, AttributeType::Date, AttributeType::Boolean,
                            AttributeType::Choice})
        type->addItem(typeName(t), int(t));
    auto *choices = new QLineEdit;
    choices->setObjectName(QStringLiteral("attributeChoices"));
    choices->setPlaceholderText(CasesPanel::tr("carer, professional, other"));
    choices->setEnabled(false);
    QObject::connect(type, &QComboBox::currentIndexChanged, choices, [type, choices] {
        choices->setEnabled(AttributeType(type->currentData().toInt()) == AttributeType::Choice);
    });
    auto *form = new QFormLayout;
    form->addRow(CasesPanel::tr("&Name:"), name);
    form->addRow(CasesPanel::tr("&For:"), scopeBox);
    form->addRow(CasesPanel::tr("&Type:"), type);
    form->addRow(CasesPanel::tr("&Choices (comma-separated):"), choices);
    auto *note = new QLabel(CasesPanel::tr("An attribute that exists is given the new type; its values must fit it."));
    note->setWordWrap(true);
    form->addRow(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    AttributeAnswer answer;
    answer.scope = AttributeScope(scopeBox->currentData().toInt());
    answer.name = name->text().trimmed();
    answer.type = AttributeType(type->currentData().toInt());
    if (answer.type == AttributeType::Choice)
        for (const QString &c : choices->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!c.trimmed().isEmpty())
                answer.choices << c.trimmed();
    return answer;
}

} // namespace

CasesPanel::CasesPanel(ProjectSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("casesPanel"));
    setAccessibleName(tr("Cases and attributes"));

    m_scopeBox = new QComboBox;
    m_scopeBox->setObjectName(QStringLiteral("casesScope"));
    m_scopeBox->setAccessibleName(tr("Rows"));
    m_scopeBox->addItem(tr("Cases"), int(AttributeScope::Case));
    m_scopeBox->addItem(tr("Documents"), int(AttributeScope::Document));
    connect(m_scopeBox, &QComboBox::currentIndexChanged, this,
            [this] { showScope(AttributeScope(m_scopeBox->currentData().toInt())); });
    m_addCase = new QPushButton(tr("&Add case…"));
    m_addCase->setObjectName(QStringLiteral("addCase"));
    connect(m_addCase, &QPushButton::clicked, this, &CasesPanel::chooseAddCase);
    m_define = new QPushButton(tr("&Define attribute…"));
    m_define->setObjectName(QStringLiteral("defineAttribute"));
    connect(m_define, &QPushButton::clicked, this, &CasesPanel::chooseDefineAttribute);
    m_link = new QPushButton(tr("&Link document…"));
    m_link->setObjectName(QStringLiteral("linkDocument"));
    connect(m_link, &QPushButton::clicked, this, &CasesPanel::chooseLinkDocument);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Rows:")));
    bar->addWidget(m_scopeBox);
    bar->addWidget(m_addCase);
    bar->addWidget(m_define);
    bar->addWidget(m_link);
    bar->addStretch(1);

    m_table = new QTableWidget;
    m_table->setObjectName(QStringLiteral("casesTable"));
    m_table->setAccessibleName(tr("Cases and attributes"));
    m_delegate = new AttributeDelegate(this);
    m_table->setItemDelegate(m_delegate);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *clear = new QAction(tr("&Clear value"), m_table);
    clear->setShortcut(QKeySequence::Delete);
    clear->setShortcutContext(Qt::WidgetShortcut);
    connect(clear, &QAction::triggered, this, &CasesPanel::clearCurrentValue);
    m_table->addAction(clear);
    connect(m_table, &QTableWidget::itemChanged, this, &CasesPanel::itemChanged);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("casesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);

    connect(&m_session, &ProjectSession::changed, this, [this](ProjectSession::Changes what) {
        if (what & (ProjectSession::Cases | ProjectSession::Documents))
            scheduleReload();
    });
    reload();
}

CasesPanel::~CasesPanel()
{
    commitEditing();
    delete m_table; // its editors go while the panel is whole
}

void CasesPanel::commitEditing()
{
    const QModelIndex index = m_table->currentIndex();
    QWidget *editor = index.isValid() ? m_table->indexWidget(index) : nullptr;
    if (!editor || !m_session.project())
        return;
    auto *delegate = static_cast<AttributeDelegate *>(m_delegate);
    delegate->m_immediate = true;
    delegate->setModelData(editor, m_table->model(), index);
    delegate->m_immediate = false;
}

void CasesPanel::scheduleReload()
{
    // Not in the middle of an editor's commit or a check box's signal.
    if (m_reloadQueued)
        return;
    m_reloadQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_reloadQueued = false;
        reload();
    });
}

void CasesPanel::showScope(AttributeScope scope)
{
    m_scope = scope;
    m_scopeBox->setCurrentIndex(scope == AttributeScope::Case ? 0 : 1);
    reload();
}

void CasesPanel::reload()
{
    const Project *project = m_session.project();
    m_loading = true;
    const int keepRow = m_table->currentRow();
    const int keepColumn = m_table->currentColumn();
    m_table->clear();
    m_columns.clear();
    m_addCase->setEnabled(project);
    m_define->setEnabled(project);
    m_link->setEnabled(project);
    const bool cases = m_scope == AttributeScope::Case;
    m_firstAttributeColumn = cases ? CountedColumn + 1 : CountedColumn;
    QStringList headers{tr("Name"), tr("Kind"), cases ? tr("Documents") : tr("Cases")};
    if (cases)
        headers << tr("Counted");
    if (!project) {
        m_table->setColumnCount(int(headers.size()));
        m_table->setHorizontalHeaderLabels(headers);
        m_table->setRowCount(0);
        m_loading = false;
        return;
    }
    int column = m_firstAttributeColumn;
    for (const AttributeDef &def : project->attributeDefs())
        if (def.scope == m_scope)
            m_columns[column++] = def;
    m_table->setColumnCount(column);
    m_table->setHorizontalHeaderLabels(headers);
    for (const auto &[c, def] : m_columns) {
        auto *header = new QTableWidgetItem(def.name);
        header->setToolTip(def.type == AttributeType::Choice
                               ? tr("%1: one of %2").arg(def.name, def.choices.join(QStringLiteral(", ")))
                               : tr("%1: %2").arg(def.name, typeName(def.type)));
        m_table->setHorizontalHeaderItem(c, header);
    }

    struct Row
    {
        Id id;
        QString name, kind, links;
        bool counted = true;
    };
    std::vector<Row> rows;
    std::map<Id, QString> documentNames;
    for (const Document &d : project->documents())
        documentNames[d.id] = d.name;
    if (cases) {
        for (const Case &c : project->cases()) {
            QStringList docs;
            for (Id d : project->caseDocuments(c.id))
                docs << documentNames[d];
            rows.push_back({c.id, c.name, c.kind, docs.join(QStringLiteral(", ")), c.counted});
        }
    } else {
        std::map<Id, QString> caseNames;
        for (const Case &c : project->cases())
            caseNames[c.id] = c.name;
        for (const Document &d : project->documents()) {
            QStringList names;
            for (Id c : project->documentCases(d.id))
                names << caseNames[c];
            rows.push_back({d.id, d.name, d.kind, names.join(QStringLiteral(", ")), true});
        }
    }
    std::map<std::pair<Id, QString>, QString> values;
    for (const AttributeValue &v : project->attributeValues(m_scope))
        values[{v.ownerId, v.name}] = v.value;

    const Qt::ItemFlags readOnly = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const Row &row = rows[size_t(r)];
        auto *name = new QTableWidgetItem(row.name);
        name->setData(IdRole, row.id);
        name->setFlags(readOnly);
        name->setToolTip(cases ? tr("%1 (a case keeps the name it was made with: renaming cases is not "
                                    "available yet)")
                                     .arg(row.name)
                               : row.name);
        m_table->setItem(r, NameColumn, name);
        auto *kind = new QTableWidgetItem(row.kind);
        kind->setFlags(readOnly);
        m_table->setItem(r, KindColumn, kind);
        auto *links = new QTableWidgetItem(row.links);
        links->setFlags(readOnly);
        links->setToolTip(row.links);
        m_table->setItem(r, LinksColumn, links);
        if (cases) {
            auto *counted = new QTableWidgetItem;
            counted->setFlags(readOnly | Qt::ItemIsUserCheckable);
            counted->setCheckState(row.counted ? Qt::Checked : Qt::Unchecked);
            counted->setToolTip(tr("Whether this case's segments count in tables (not for a facilitator)"));
            m_table->setItem(r, CountedColumn, counted);
        }
        for (const auto &[c, def] : m_columns) {
            const auto found = values.find({row.id, def.name});
            const QString value = found == values.end() ? QString() : found->second;
            auto *item = new QTableWidgetItem;
            if (def.type == AttributeType::Boolean) {
                item->setFlags(readOnly | Qt::ItemIsUserCheckable);
                item->setCheckState(value == QLatin1String("true") ? Qt::Checked : Qt::Unchecked);
                item->setText(value.isEmpty() ? QString() : value == QLatin1String("true") ? tr("yes") : tr("no"));
            } else {
                item->setFlags(readOnly | Qt::ItemIsEditable);
                item->setText(value);
                if (def.type == AttributeType::Number)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            }
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->resizeRowsToContents();
    for (int c = 0; c < m_table->columnCount(); ++c)
        m_table->setColumnWidth(c, std::clamp(m_table->columnWidth(c), 70, 320));
    if (keepRow >= 0 && keepRow < m_table->rowCount())
        m_table->setCurrentCell(keepRow, std::min(keepColumn, m_table->columnCount() - 1));
    m_loading = false;
}

Outcome CasesPanel::report(const Outcome &outcome, const QString &done)
{
    m_message->setText(outcome ? done : outcome.error());
    m_message->setProperty("refused", !outcome.ok());
    return outcome;
}

Outcome CasesPanel::addCase(const QString &name, const QString &kind)
{
    return report(m_session.run([&] { m_session.project()->addCase(name.trimmed(), kind); }, ProjectSession::Cases),
                  tr("Added case %1.").arg(name.trimmed()));
}

Outcome CasesPanel::setCounted(Id caseId, bool counted)
{
    return report(m_session.run([&] { m_session.project()->setCaseCounted(caseId, counted); }, ProjectSession::Cases),
                  counted ? tr("The case counts in tables.") : tr("The case is left out of counts."));
}

Outcome CasesPanel::linkDocument(Id caseId, Id documentId)
{
    return report(
        m_session.run([&] { m_session.project()->linkCaseDocument(caseId, documentId); }, ProjectSession::Cases),
        tr("Linked."));
}

Outcome CasesPanel::defineAttribute(AttributeScope scope, const QString &name, AttributeType type,
                                    const QStringList &choices)
{
    const Outcome outcome = report(
        m_session.run([&] { m_session.project()->defineAttribute(scope, name, type, choices); }, ProjectSession::Cases),
        tr("Defined %1 (%2).").arg(name, typeName(type)));
    if (outcome && scope != m_scope)
        showScope(scope);
    return outcome;
}

Outcome CasesPanel::setValue(AttributeScope scope, Id ownerId, const QString &name, const QString &value)
{
    return report(m_session.run([&] { m_session.project()->setAttribute(scope, ownerId, name, value); },
                                ProjectSession::Cases | ProjectSession::Documents),
                  value.isEmpty() ? tr("Cleared %1.").arg(name) : tr("Set %1 to %2.").arg(name, value));
}

int CasesPanel::rowOf(Id ownerId) const
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (ownerAt(r) == ownerId)
            return r;
    return -1;
}

int CasesPanel::columnOf(const QString &name) const
{
    for (const auto &[c, def] : m_columns)
        if (def.name == name)
            return c;
    return -1;
}

const AttributeDef *CasesPanel::definitionAt(int column) const
{
    const auto found = m_columns.find(column);
    return found == m_columns.end() ? nullptr : &found->second;
}

Id CasesPanel::ownerAt(int row) const
{
    const QTableWidgetItem *item = m_table->item(row, NameColumn);
    return item ? item->data(IdRole).toLongLong() : 0;
}

void CasesPanel::itemChanged(QTableWidgetItem *item)
{
    if (m_loading || !(item->flags() & Qt::ItemIsUserCheckable))
        return;
    const bool on = item->checkState() == Qt::Checked;
    const Id owner = ownerAt(item->row());
    if (m_scope == AttributeScope::Case && item->column() == CountedColumn)
        setCounted(owner, on);
    else if (const AttributeDef *def = definitionAt(item->column()))
        setValue(m_scope, owner, def->name, on ? QStringLiteral("true") : QStringLiteral("false"));
    scheduleReload(); // also after a refusal: the box shows what is stored
}

void CasesPanel::clearCurrentValue()
{
    const AttributeDef *def = definitionAt(m_table->currentColumn());
    if (!def || m_table->currentRow() < 0)
        return;
    const QTableWidgetItem *item = m_table->currentItem();
    if (item && item->text().isEmpty())
        return;
    setValue(m_scope, ownerAt(m_table->currentRow()), def->name, QString());
}

void CasesPanel::chooseAddCase()
{
    if (!m_session.project())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Add case"), tr("Name of the new case:"), QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    const QString kind = QInputDialog::getItem(this, tr("Add case"), tr("Kind:"),
                                               {QStringLiteral("participant"), QStringLiteral("group"),
                                                QStringLiteral("organisation"), QStringLiteral("facilitator")},
                                               0, true, &ok);
    if (ok)
        addCase(name, kind);
}

void CasesPanel::chooseDefineAttribute()
{
    if (!m_session.project())
        return;
    if (const auto answer = askAttribute(this, m_scope))
        defineAttribute(answer->scope, answer->name, answer->type, answer->choices);
}

void CasesPanel::chooseLinkDocument()
{
    const Project *project = m_session.project();
    const int row = m_table->currentRow();
    if (!project || row < 0) {
        m_message->setText(m_scope == AttributeScope::Case ? tr("Choose the case to link a document to.")
                                                           : tr("Choose the document to link to a case."));
        return;
    }
    const Id owner = ownerAt(row);
    QStringList names;
    std::vector<Id> ids;
    if (m_scope == AttributeScope::Case) {
        const std::vector<Id> linked = project->caseDocuments(owner);
        for (const Document &d : project->documents())
            if (std::find(linked.begin(), linked.end(), d.id) == linked.end()) {
                names << d.name;
                ids.push_back(d.id);
            }
    } else {
        const std::vector<Id> linked = project->documentCases(owner);
        for (const Case &c : project->cases())
            if (std::find(linked.begin(), linked.end(), c.id) == linked.end()) {
                names << c.name;
                ids.push_back(c.id);
            }
    }
    if (names.isEmpty()) {
        m_message->setText(tr("Everything is linked already."));
        return;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Link"),
                                                 m_scope == AttributeScope::Case ? tr("Document to link to this case:")
                                                                                 : tr("Case to link this document to:"),
                                                 names, 0, false, &ok);
    if (!ok)
        return;
    const Id other = ids[size_t(names.indexOf(chosen))];
    if (m_scope == AttributeScope::Case)
        linkDocument(owner, other);
    else
        linkDocument(other, owner);
}

} // namespace Quire
