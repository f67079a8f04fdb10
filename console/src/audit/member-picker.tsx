/**
 * @module Picks a member by typing part of their name (React Aria's combo box: arrow keys, Enter,
 * Escape), for the audit log's actor and target filters. A member who acted and was deleted since,
 * or an API key, is picked from the event itself instead ("Only this actor").
 */
import { useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text, type Key } from 'react-aria-components';
import { useDebounced } from '../users/use-debounced';
import { useMemberSearch, type Picked } from './queries';

interface Item {
  id: string;
  label: string;
  detail: string;
}

interface Props {
  organizationId: string;
  label: string;
  hint: string;
  value: Picked | null;
  onChange(value: Picked | null): void;
}

export function MemberPicker({ organizationId, label, hint, value, onChange }: Props) {
  const [input, setInput] = useState(value?.label ?? '');
  const q = useDebounced(input.trim());
  // While the field shows the picked member, it is not a search.
  const search = useMemberSearch(organizationId, value && input === value.label ? '' : q);
  const items: Item[] = (search.data ?? []).map((m) => ({ id: m.userId, label: m.displayName, detail: `${m.username}${m.status === 'inactive' ? ', inactive' : ''}` }));

  const select = (key: Key | null) => {
    const item = items.find((i) => i.id === key);
    if (!item) return;
    onChange({ id: item.id, label: item.label });
    setInput(item.label);
  };
  const type = (text: string) => {
    setInput(text);
    if (value && text !== value.label) onChange(null);
  };

  return (
    <ComboBox className="field picker" items={items} inputValue={input} onInputChange={type} onSelectionChange={select}
      selectedKey={value?.id ?? null} menuTrigger="input" allowsEmptyCollection>
      <Label className="field-label-text">{label}</Label>
      <div className="picker-input">
        <Input placeholder="Type a name" />
        <Button className="picker-button" aria-label={`Show ${label.toLowerCase()} suggestions`}>▾</Button>
      </div>
      <Text slot="description" className="field-hint">{hint}</Text>
      <Popover className="popover picker-popover">
        <ListBox<Item> className="menu" renderEmptyState={() => <p className="menu-empty">{search.isError ? search.error.message : q ? (search.isFetching ? 'Searching…' : 'No member matches') : 'Type a name'}</p>}>
          {(item) => (
            <ListBoxItem id={item.id} textValue={item.label} className="menu-item">
              <span className="menu-label">{item.label}</span>
              <span className="menu-meta">{item.detail}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
