// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentfilter.h"

#include "model/project.h"

#include <map>
#include <QComboBox>
#include <QGridLayout>
#include <QLineEdit>
#include <set>

namespace Quire {

DocumentFilterBar::DocumentFilterBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("documentFilter"));
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    m_text = new QLineEdit;
    m_text->setPlaceholderText(tr("Filter documents by name…"));
    m_text->setAccessibleName(tr("Filter documents by name"));
    m_text->setClearButtonEnabled(true);
    m_kind = new QComboBox;
    m_kind->setAccessibleName(tr("Filter documents by kind"));
    m_case = new QComboBox;
    m_case->setAccessibleName(tr("Filter documents by case"));
    m_attribute = new QComboBox;
    m_attribute->setAccessibleName(tr("Filter documents by attribute value"));
    for (QComboBox *c : {m_kind, m_case, m_attribute}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(6);
    }
    layout->addWidget(m_text, 0, 0, 1, 3);
    layout->addWidget(m_kind, 1, 0);
    layout->addWidget(m_case, 1, 1);
    layout->addWidget(m_attribute, 1, 2);
    connect(m_text, &QLineEdit::textChanged, this, [this] { Q_EMIT changed(); });
    for (QComboBox *c : {m_kind, m_case, m_attribute})
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                Q_EMIT changed();
        });
    reload(nullptr);
}

void DocumentFilterBar::choose(QComboBox *combo, const QString &value)
{
    const int i = combo->findData(value);
    combo->setCurrentIndex(i < 0 ? 0 : i);
}

void DocumentFilterBar::reload(const Project *project)
{
    const QString kind = m_kind->currentData().toString();
    const QString caseName = m_case->currentData().toString();
    const QString attribute = m_attribute->currentData().toString();
    m_filling = true;
    m_kind->clear();
    m_case->clear();
    m_attribute->clear();
    m_casesOf.clear();
    m_attributesOf.clear();
    m_kind->addItem(tr("Any kind"), QString());
    m_case->addItem(tr("Any case"), QString());
    m_attribute->addItem(tr("Any attribute"), QString());
    if (project) {
        std::set<QString> kinds;
        for (const Document &d : project->documents())
            kinds.insert(d.kind);
        for (const QString &k : kinds)
            m_kind->addItem(k, k);
        std::set<QString> names;
        for (const Case &c : project->cases()) {
            for (Id d : project->caseDocuments(c.id))
                m_casesOf[d].insert(c.name);
        }
        for (const auto &set : std::as_const(m_casesOf))
            for (const QString &n : set)
                names.insert(n);
        for (const QString &n : names)
            m_case->addItem(n, n);
        QHash<Id, QSet<QString>> caseAttributes;
        std::set<QString> pairs;
        for (const AttributeValue &v : project->attributeValues()) {
            const QString pair = v.name + QLatin1Char('=') + v.value;
            pairs.insert(pair);
            if (v.scope == AttributeScope::Document)
                m_attributesOf[v.ownerId].insert(pair);
            else
                caseAttributes[v.ownerId].insert(pair);
        }
        // A document also has the attributes of its cases (a statement's person's group).
        for (const Case &c : project->cases())
            for (Id d : project->caseDocuments(c.id))
                m_attributesOf[d].unite(caseAttributes.value(c.id));
        for (const QString &p : pairs)
            m_attribute->addItem(p, p);
    }
    choose(m_kind, kind);
    choose(m_case, caseName);
    choose(m_attribute, attribute);
    m_filling = false;
}

bool DocumentFilterBar::accepts(const Document &d) const
{
    const QString text = m_text->text().trimmed();
    if (!text.isEmpty() && !d.name.contains(text, Qt::CaseInsensitive))
        return false;
    const QString kind = m_kind->currentData().toString();
    if (!kind.isEmpty() && d.kind != kind)
        return false;
    const QString caseName = m_case->currentData().toString();
    if (!caseName.isEmpty() && !m_casesOf.value(d.id).contains(caseName))
        return false;
    const QString attribute = m_attribute->currentData().toString();
    if (!attribute.isEmpty() && !m_attributesOf.value(d.id).contains(attribute))
        return false;
    return true;
}

bool DocumentFilterBar::isActive() const
{
    return !m_text->text().trimmed().isEmpty() || m_kind->currentIndex() > 0 || m_case->currentIndex() > 0 ||
           m_attribute->currentIndex() > 0;
}

void DocumentFilterBar::setKind(const QString &kind)
{
    choose(m_kind, kind);
}

void DocumentFilterBar::setCase(const QString &caseName)
{
    choose(m_case, caseName);
}

void DocumentFilterBar::setAttribute(const QString &nameEqualsValue)
{
    choose(m_attribute, nameEqualsValue);
}

void DocumentFilterBar::setText(const QString &text)
{
    m_text->setText(text);
}

} // namespace Quire
