import { useState } from 'react';
import { Avatar, Card, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ELDER_GROUPS } from '../../../shared/codes';
import { usePeopleSearch } from '../people/people-api';
import { GroupTags, initialOf, PhoneLink } from '../people/people-labels';
import type { PersonSummary } from '../people/people-types';

/** An elder for the home-visit checklist: in an elder group, or 60 or over (DOMAIN.md). */
export function isElderPerson(person: Pick<PersonSummary, 'groups' | 'age'>): boolean {
  return person.groups.some((group) => (ELDER_GROUPS as string[]).includes(group)) || (person.age !== null && person.age >= 60);
}

/** The person a service is for, at the top of the form: name, village, age, and a tap-to-call phone. */
export function PersonHead({ person }: { person: PersonSummary }) {
  const { t } = useTranslation();
  const facts = [person.villageName, person.age !== null ? t('people.ageYears', { age: person.age }) : null].filter(Boolean).join(' · ');
  return (
    <Card size="small" className="lm-svc-person" data-testid="service-person">
      <div className="lm-svc-person__row">
        <Avatar size={48} className={`lm-person__avatar lm-person__avatar--${person.gender ?? 'unknown'}`}>
          {initialOf(person.name)}
        </Avatar>
        <div className="lm-svc-person__who">
          <Link to={`/people/${person.id}`} className="lm-svc-person__name">
            {person.name}
          </Link>
          <div className="lm-muted">{facts}</div>
          <GroupTags groups={person.groups} />
        </div>
        {person.phone && (
          <div className="lm-svc-person__call">
            <PhoneLink phone={person.phone} />
          </div>
        )}
      </div>
    </Card>
  );
}

/** Finds a person on file by name, initials or phone, for a record started without one. */
export function PersonChooser({ onChoose }: { onChoose: (personId: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const search = usePeopleSearch(q);
  const options = (search.data?.items ?? []).map((person) => ({
    value: person.id,
    label: [person.name, person.villageName, person.age !== null ? t('people.ageYears', { age: person.age }) : null].filter(Boolean).join(' · '),
  }));
  return (
    <Card size="small" title={t('services.form.choosePerson')} className="lm-svc-person">
      <Select
        showSearch={{ filterOption: false, onSearch: setQ }}
        onChange={(id: string) => onChoose(id)}
        options={options}
        loading={search.isFetching}
        placeholder={t('services.form.choosePersonHint')}
        notFoundContent={q.trim() && !search.isFetching ? t('services.form.noPerson') : null}
        style={{ width: '100%' }}
        size="large"
        autoFocus
        data-testid="person-chooser"
      />
    </Card>
  );
}
