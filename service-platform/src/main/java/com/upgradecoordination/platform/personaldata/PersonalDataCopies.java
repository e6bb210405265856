package com.upgradecoordination.platform.personaldata;

/**
 * A table that keeps personal data in clear outside the event store (a read model, the case
 * timeline). When a person is erased, every bean of this type replaces that person's identifier
 * with {@link PersonalDataCipher#ERASED}, in the erasing command's transaction. Read-model columns
 * are declared with {@link PersonalDataColumns}.
 */
public interface PersonalDataCopies {

    void erase(HashedPerson person);
}
