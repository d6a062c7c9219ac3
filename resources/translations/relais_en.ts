<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="fr">
<context>
    <name>ActionForm</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="272"/>
        <source>Action collective</source>
        <translation>Joint action</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="274"/>
        <source>— choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="277"/>
        <source>identifiants de l&apos;annuaire, séparés par des virgules</source>
        <translation>directory ids, separated by commas</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="282"/>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="283"/>
        <source>&amp;Quartier</source>
        <translation>&amp;Neighbourhood</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="284"/>
        <source>&amp;Type d&apos;action</source>
        <translation>Action &amp;type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="285"/>
        <source>&amp;Partenaires</source>
        <translation>&amp;Partners</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="286"/>
        <source>&amp;Employeurs</source>
        <translation>&amp;Employers</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="287"/>
        <source>Partici&amp;pants</source>
        <translation>Partici&amp;pants</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="117"/>
        <source>tentatives</source>
        <translation>attempts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="118"/>
        <source>lignes</source>
        <translation>rows</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="119"/>
        <source>importées</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="120"/>
        <source>refusées</source>
        <translation>refused</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="121"/>
        <source>version</source>
        <translation>version</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="122"/>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="123"/>
        <source>contacts</source>
        <translation>contacts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="124"/>
        <source>relais</source>
        <translation>handovers</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="128"/>
        <source>Ouverture du carnet</source>
        <translation>Notebook opened</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="129"/>
        <source>Phrases de passe erronées avant ouverture</source>
        <translation>Wrong passphrases before opening</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="130"/>
        <source>Export d&apos;indicateurs</source>
        <translation>Indicators exported</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="131"/>
        <source>Import de contacts (tableur)</source>
        <translation>Contacts imported (spreadsheet)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="132"/>
        <source>Installation d&apos;un pack de référence</source>
        <translation>Reference pack installed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="133"/>
        <source>Effacement d&apos;une personne</source>
        <translation>Person erased</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="134"/>
        <source>Purge (durée de conservation)</source>
        <translation>Purge (retention period)</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <location filename="../../fieldapp/ui/app/bugs.py" line="60"/>
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/bugs.py" line="64"/>
        <source>Relais a rencontré une erreur inattendue. C&apos;est un défaut de Relais, pas une erreur de votre part.

Ce que vous veniez de saisir n&apos;a pas été enregistré par cette action : vérifiez-le avant de recommencer.

Pour aider à corriger ce défaut, copiez les détails techniques et transmettez-les à qui vous aide avec Relais ; ils ne contiennent aucune donnée saisie.</source>
        <translation>Relais ran into an unexpected error. It is a defect in Relais, not a mistake on your part.

What you had just entered was not saved by this action: check it before trying again.

To help fix this defect, copy the technical details and pass them on to whoever helps you with Relais; they contain no data you entered.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/bugs.py" line="76"/>
        <source>Copier les détails techniques</source>
        <translation>Copy the technical details</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/bugs.py" line="84"/>
        <source>Détails copiés</source>
        <translation>Details copied</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="52"/>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="55"/>
        <source>Changer la phrase de passe</source>
        <translation>Change the passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="59"/>
        <source>La clé de secours notée à la création reste valable. Les données ne sont pas ré-chiffrées : seule la clé qui les protège l&apos;est.</source>
        <translation>The recovery key written down at creation stays valid. The data are not re-encrypted: only the key that protects them is.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="69"/>
        <source>Phrase &amp;actuelle</source>
        <translation>&amp;Current passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="73"/>
        <source>&amp;Nouvelle phrase de passe</source>
        <translation>&amp;New passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="76"/>
        <source>Changer</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="103"/>
        <source>Phrase de passe actuelle incorrecte.</source>
        <translation>The current passphrase is wrong.</translation>
    </message>
</context>
<context>
    <name>CompletenessModel</name>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="169"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="171"/>
        <source>Appareil</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="176"/>
        <source>Événements reçus</source>
        <translation>Events received</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="177"/>
        <source>Numéros reçus</source>
        <translation>Numbers received</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="178"/>
        <source>Manques</source>
        <translation>Gaps</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="179"/>
        <source>Dernier lot</source>
        <translation>Last batch</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="189"/>
        <source>aucun</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>ContactDetail</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="125"/>
        <source>Fiche du contact</source>
        <translation>Contact card</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="128"/>
        <source>Sélectionnez un contact dans la liste pour voir sa fiche.</source>
        <translation>Select a contact in the list to see its card.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="149"/>
        <source>Contact du %1 · %2</source>
        <translation>Contact of %1 · %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="156"/>
        <source>Contact annulé : %1</source>
        <translation>Contact voided: %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="166"/>
        <source>Quartier</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="167"/>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="168"/>
        <source>Type de contact</source>
        <translation>Contact type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="169"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="170"/>
        <source>Genre</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="171"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="172"/>
        <source>Inscriptions</source>
        <translation>Registrations</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="173"/>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="174"/>
        <source>Suite donnée</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="177"/>
        <source>Pseudonyme</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="178"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="185"/>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="186"/>
        <source>Proposer un relais…</source>
        <translation>Propose a handover…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="187"/>
        <source>Annuler ce contact…</source>
        <translation>Void this contact…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="193"/>
        <source>Effacer la personne…</source>
        <translation>Erase this person…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="195"/>
        <source>Sur sa demande : toutes ses rencontres, ici et à la coordination</source>
        <translation>At their request: all their encounters, here and at the coordination</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="206"/>
        <source>Relais</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="213"/>
        <source>suivi le %1</source>
        <translation>follow-up on %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="224"/>
        <source>Historique</source>
        <translation>History</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="96"/>
        <source>Modifier le contact</source>
        <translation>Edit contact</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="96"/>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="105"/>
        <source>Nouveau contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="103"/>
        <source>Modifier le contact du %1</source>
        <translation>Edit the contact of %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="111"/>
        <source>Aucun nom, téléphone ni adresse : seulement ce qui décrit la rencontre. Ctrl+Entrée pour enregistrer.</source>
        <translation>No name, phone number or address: only what describes the encounter. Ctrl+Enter saves.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="140"/>
        <source>code QPV, ex. QN07601M</source>
        <translation>QPV code, e.g. QN07601M</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="147"/>
        <source>code INSEE, ex. 76540</source>
        <translation>INSEE code, e.g. 76540</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="148"/>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="159"/>
        <source>— choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="166"/>
        <source>Facultatif. Pas de nom, de téléphone, d&apos;adresse ni de date de naissance.</source>
        <translation>Optional. No name, phone number, address or date of birth.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="173"/>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="173"/>
        <source>C&amp;réneau</source>
        <translation>Time &amp;slot</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="175"/>
        <source>&amp;Quartier</source>
        <translation>&amp;Neighbourhood</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="176"/>
        <source>Co&amp;mmune (hors QPV)</source>
        <translation>Co&amp;mmune (outside QPV)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="179"/>
        <source>&amp;Lieu</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="180"/>
        <source>&amp;Type de contact</source>
        <translation>Contact &amp;type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="183"/>
        <source>Tranche d&apos;â&amp;ge</source>
        <translation>&amp;Age band</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="184"/>
        <source>Ge&amp;nre</source>
        <translation>Gen&amp;der</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="186"/>
        <source>&amp;Personne</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="187"/>
        <source>&amp;Situation</source>
        <translation>S&amp;ituation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="188"/>
        <source>&amp;Inscriptions</source>
        <translation>&amp;Registrations</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="189"/>
        <source>&amp;Besoins</source>
        <translation>Nee&amp;ds</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="190"/>
        <source>S&amp;uite donnée</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="191"/>
        <source>N&amp;ote</source>
        <translation>No&amp;te</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="201"/>
        <source>Masquer ces données et enregistrer</source>
        <translation>Mask this data and save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="211"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="211"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="212"/>
        <source>Enregistrer et nouveau</source>
        <translation>Save and new</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="213"/>
        <source>Ctrl+Maj+Entrée</source>
        <translation>Ctrl+Shift+Enter</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="215"/>
        <source>Enregistrer les modifications</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="215"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="217"/>
        <source>Ctrl+Entrée</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="430"/>
        <source>Saisie en cours retrouvée après le verrouillage.</source>
        <translation>Your unsaved entry is back after the lock.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="489"/>
        <source>✓ Contact enregistré (%1 depuis l&apos;ouverture du formulaire).</source>
        <translation>✓ Contact saved (%1 since the form was opened).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="522"/>
        <source>Abandonner la saisie ?</source>
        <translation>Discard this entry?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="523"/>
        <source>Ce contact n&apos;est pas enregistré. Abandonner la saisie ?</source>
        <translation>This contact is not saved. Discard it?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="489"/>
        <source>Contact rattaché à la tournée enregistrée.</source>
        <translation>Contact linked to the street round just saved.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_form.py" line="491"/>
        <source>Contact rattaché à l&apos;action collective enregistrée.</source>
        <translation>Contact linked to the joint action just saved.</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="29"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="30"/>
        <source>Créneau</source>
        <translation>Slot</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="31"/>
        <source>Quartier</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="32"/>
        <source>Suite donnée</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="33"/>
        <source>Besoins</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="34"/>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="35"/>
        <source>Âge</source>
        <translation>Age</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="36"/>
        <source>Genre</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="37"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="215"/>
        <source>annulé</source>
        <translation>voided</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="222"/>
        <source>Annulé : %1</source>
        <translation>Voided: %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_model.py" line="236"/>
        <source>Cliquer pour trier</source>
        <translation>Click to sort</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="210"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="215"/>
        <source>Importer un tableur…</source>
        <translation>Import a spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="216"/>
        <source>Nouveau contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="218"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="230"/>
        <source>Liste des contacts</source>
        <translation>Contact list</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="297"/>
        <source>comptage…</source>
        <translation>counting…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="301"/>
        <source>%1 contact</source>
        <translation>%1 contact</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="303"/>
        <source>%1 contacts</source>
        <translation>%1 contacts</translation>
    </message>
</context>
<context>
    <name>CoordinationView</name>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="99"/>
        <source>Coordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="104"/>
        <source>Fermer l&apos;espace</source>
        <translation>Close the workspace</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="110"/>
        <source>Espace %1 · clé de la coordination %2</source>
        <translation>Workspace %1 · coordination key %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="123"/>
        <source>Fusion des lots</source>
        <translation>Merging batches</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="125"/>
        <source>&amp;Dépôt</source>
        <translation>&amp;Drop</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="128"/>
        <source>Dépôt à lire</source>
        <translation>Drop to read</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="132"/>
        <source>Dossier ou adresse WebDAV du dépôt</source>
        <translation>Folder or WebDAV address of the drop</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="133"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="134"/>
        <source>&amp;Fusionner</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>Publier les &amp;retours</source>
        <translation>Publish &amp;returns</translation>
    </message>
    <message>
        <source>Dépose pour chaque appareil, dans ce dépôt, les accueils confirmés par les structures d'accueil : chiffrés pour lui seul et signés par la coordination.</source>
        <translation>Puts in this drop, for each device, the receptions confirmed by receiving structures: encrypted for that device alone and signed by the coordination.</translation>
    </message>
    <message>
        <source>Publication des retours…</source>
        <translation>Publishing the returns…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="162"/>
        <source>Chaque lot est vérifié (signature de l&apos;appareil, destinataire, intégrité) avant d&apos;être importé en entier ; un lot refusé va en quarantaine, sans rien importer. Fusionner deux fois le même lot ne change rien.</source>
        <translation>Each batch is checked (device signature, recipient, integrity) before being imported in full; a refused batch goes to quarantine and nothing from it is imported. Merging the same batch twice changes nothing.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="175"/>
        <location filename="../../fieldapp/ui/coordination/view.py" line="278"/>
        <source>Quarantaine</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="179"/>
        <source>Rien de ces lots n&apos;a été importé. Corrigez la cause (par exemple, enrôlez l&apos;appareil), puis réessayez.</source>
        <translation>Nothing from these batches has been imported. Fix the cause (for example, enrol the device), then try again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="188"/>
        <source>Lots en quarantaine</source>
        <translation>Quarantined batches</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="194"/>
        <source>Aucun lot en quarantaine.</source>
        <translation>No batch in quarantine.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="198"/>
        <source>&amp;Réessayer la quarantaine</source>
        <translation>&amp;Retry quarantine</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="206"/>
        <location filename="../../fieldapp/ui/coordination/view.py" line="210"/>
        <source>Appareils</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="215"/>
        <source>Aucun appareil enrôlé. Chaque structure vous remet le fichier d&apos;enrôlement de son appareil (Synchronisation → Fichier d&apos;enrôlement).</source>
        <translation>No device enrolled. Each organisation gives you its device&apos;s enrolment file (Synchronisation → Enrolment file).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="222"/>
        <source>&amp;Enrôler un appareil…</source>
        <translation>&amp;Enrol a device…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="223"/>
        <source>&amp;Suspendre</source>
        <translation>&amp;Suspend</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="224"/>
        <source>Ré&amp;tablir</source>
        <translation>Res&amp;tore</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="225"/>
        <source>Ré&amp;voquer…</source>
        <translation>Re&amp;voke…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="249"/>
        <source>Complétude</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="253"/>
        <source>Chaque appareil numérote ses événements sans trou : un manque signale un lot pas encore reçu (ou égaré en route).</source>
        <translation>Each device numbers its events with no gaps: a gap means a batch not received yet (or lost on the way).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="262"/>
        <source>Complétude par appareil</source>
        <translation>Completeness by device</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="276"/>
        <source>Quarantaine (%1)</source>
        <translation>Quarantine (%1)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="298"/>
        <source>Appareils (%1)</source>
        <translation>Devices (%1)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="347"/>
        <source>Fichier d&apos;enrôlement</source>
        <translation>Enrolment file</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="349"/>
        <source>Fichiers d&apos;enrôlement (*.json *.enrolment);;Tous les fichiers (*)</source>
        <translation>Enrolment files (*.json *.enrolment);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="383"/>
        <source>Appareil enrôlé : %1 (empreinte %2).</source>
        <translation>Device enrolled: %1 (fingerprint %2).</translation>
    </message>
    <message>
        <source>%n lot de cet appareil attend en quarantaine : « Réessayer la quarantaine » le fusionnera.</source>
        <translation>%n batch from this device is waiting in quarantine: &quot;Retry quarantine&quot; will merge it.</translation>
    </message>
    <message>
        <source>%n lots de cet appareil attendent en quarantaine : « Réessayer la quarantaine » les fusionnera.</source>
        <translation>%n batches from this device are waiting in quarantine: &quot;Retry quarantine&quot; will merge them.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="408"/>
        <source>%1 : appareil suspendu, ses lots attendront en quarantaine.</source>
        <translation>%1: device suspended; its batches will wait in quarantine.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="409"/>
        <source>%1 : appareil rétabli.</source>
        <translation>%1: device restored.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="411"/>
        <source>%1 : appareil révoqué ; ses lots signés après ce moment seront refusés.</source>
        <translation>%1: device revoked; its batches signed from now on will be refused.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="426"/>
        <source>Révoquer l&apos;appareil ?</source>
        <translation>Revoke the device?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="428"/>
        <source>Révoquer l&apos;appareil de « %1 » (empreinte %2) ? Ses lots signés après la révocation iront en quarantaine, et il ne pourra pas être rétabli : il faudra enrôler un nouvel appareil.</source>
        <translation>Revoke the device of &quot;%1&quot; (fingerprint %2)? Its batches signed after the revocation will go to quarantine, and it cannot be restored: a new device will have to be enrolled.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="438"/>
        <source>Révoquer</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="456"/>
        <source>Dossier du dépôt</source>
        <translation>Drop folder</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="468"/>
        <source>Indiquez le dossier ou l&apos;adresse WebDAV du dépôt à lire.</source>
        <translation>Enter the folder or WebDAV address of the drop to read.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="477"/>
        <source>Lecture du dépôt…</source>
        <translation>Reading the drop…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="487"/>
        <source>Nouvel essai des lots en quarantaine…</source>
        <translation>Retrying the quarantined batches…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/view.py" line="514"/>
        <source>Lot %1 sur %2 : %3</source>
        <translation>Batch %1 of %2: %3</translation>
    </message>
</context>
<context>
    <name>CoordinationWindow</name>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="168"/>
        <source>Relais — Coordination · %1</source>
        <translation>Relais — Coordination · %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="176"/>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="177"/>
        <source>Lots et appareils</source>
        <translation>Batches and devices</translation>
    </message>
    <message>
        <source>Signalements</source>
        <translation>Reports</translation>
    </message>
</context>
<context>
    <name>CountGrid</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="86"/>
        <source>Total : %n personne</source>
        <translation>Total: %n person</translation>
    </message>
    <message>
        <source>Total : %n personnes</source>
        <translation>Total: %n people</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="64"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="67"/>
        <source>Personnes distinctes</source>
        <translation>Distinct people</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="69"/>
        <source>Part des invisibles</source>
        <translation>Share of invisibles</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="70"/>
        <source>Relais proposés</source>
        <translation>Handovers proposed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="71"/>
        <source>Taux d&apos;entrée</source>
        <translation>Entry rate</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="74"/>
        <source>Délai médian (jours)</source>
        <translation>Median delay (days)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="117"/>
        <source>Masqué : secret statistique</source>
        <translation>Hidden: statistical confidentiality</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="209"/>
        <source>Mon activité</source>
        <translation>My activity</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="209"/>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="216"/>
        <source>Exporter %1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="218"/>
        <source>Enregistrer vos chiffres en %1</source>
        <translation>Save your figures as %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="220"/>
        <source>Enregistrer ce tableau de bord en %1, secret statistique appliqué</source>
        <translation>Save this dashboard as %1, with statistical confidentiality applied</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="242"/>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="243"/>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="244"/>
        <source>Quartier</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="245"/>
        <source>Type de structure</source>
        <translation>Organisation type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="253"/>
        <source>Vos propres chiffres, tirés de ce carnet : rien n&apos;est masqué.</source>
        <translation>Your own figures, from this notebook: nothing is hidden.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="255"/>
        <source>Effectifs inférieurs à %1 masqués « &lt; %1 »</source>
        <translation>Counts below %1 hidden as &quot;&lt; %1&quot;</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="284"/>
        <source>Contacts par mois</source>
        <translation>Contacts per month</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="284"/>
        <source>Premiers contacts et recontacts.</source>
        <translation>First contacts and repeat contacts.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="287"/>
        <source>Parcours des relais</source>
        <translation>Handover funnel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="288"/>
        <source>Un relais compte à chaque étape que son historique a atteinte.</source>
        <translation>A handover counts at every stage its history reached.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="291"/>
        <source>Besoins exprimés</source>
        <translation>Needs expressed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="292"/>
        <source>Catégories data·inclusion ; un contact peut en citer plusieurs.</source>
        <translation>data·inclusion categories; a contact may cite several.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="295"/>
        <source>Comparaison des quartiers</source>
        <translation>Neighbourhood comparison</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="296"/>
        <source>Contacts par quartier et type de structure.</source>
        <translation>Contacts by neighbourhood and organisation type.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="322"/>
        <source>Tous les quartiers</source>
        <translation>All neighbourhoods</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="323"/>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="387"/>
        <source>Calcul des indicateurs…</source>
        <translation>Computing indicators…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="407"/>
        <source>Indicateurs indisponibles : %1</source>
        <translation>Indicators unavailable: %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="447"/>
        <source>Exporter les indicateurs</source>
        <translation>Export the indicators</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="467"/>
        <source>Export impossible : %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/dashboard.py" line="473"/>
        <source>Exporté : %1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>DestinationForm</name>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="55"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="58"/>
        <source>&amp;Dossier (partage, clé USB…)</source>
        <translation>&amp;Folder (share, USB stick…)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="59"/>
        <source>Serveur &amp;WebDAV (Nextcloud…)</source>
        <translation>&amp;WebDAV server (Nextcloud…)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="73"/>
        <source>Dossier de dépôt de la coordination</source>
        <translation>The coordination&apos;s drop folder</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="74"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="75"/>
        <source>D&amp;ossier</source>
        <translation>F&amp;older</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="85"/>
        <source>&amp;Adresse</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="87"/>
        <source>&amp;Identifiant</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="91"/>
        <source>&amp;Mot de passe</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="97"/>
        <source>&amp;Tester la connexion</source>
        <translation>&amp;Test the connection</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="98"/>
        <source>&amp;Enregistrer</source>
        <translation>Sav&amp;e</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="127"/>
        <source>enregistré — laisser vide pour le garder</source>
        <translation>saved — leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="188"/>
        <source>Dossier de dépôt</source>
        <translation>Drop folder</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="203"/>
        <source>✓ Destination enregistrée : %1</source>
        <translation>✓ Destination saved: %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/destination.py" line="221"/>
        <source>Connexion à %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="80"/>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="82"/>
        <source>Appareil</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="87"/>
        <source>Empreinte</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="88"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="89"/>
        <source>Depuis</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="94"/>
        <source>(appareil inconnu)</source>
        <translation>(unknown device)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="99"/>
        <source>de confiance</source>
        <translation>trusted</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="100"/>
        <source>suspendu</source>
        <translation>suspended</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="101"/>
        <source>révoqué</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="102"/>
        <source>en attente d&apos;enrôlement</source>
        <translation>awaiting enrolment</translation>
    </message>
    <message>
        <source>%n lot en quarantaine. Demandez à la structure le fichier d&apos;enrôlement de cet appareil.</source>
        <translation>%n batch in quarantine. Ask the organisation for this device&apos;s enrolment file.</translation>
    </message>
    <message>
        <source>%n lots en quarantaine. Demandez à la structure le fichier d&apos;enrôlement de cet appareil.</source>
        <translation>%n batches in quarantine. Ask the organisation for this device&apos;s enrolment file.</translation>
    </message>
</context>
<context>
    <name>Dialog</name>
    <message>
        <location filename="../../fieldapp/ui/kit/widgets.py" line="405"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="127"/>
        <source>Annuaire des partenaires</source>
        <translation>Partner directory</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="134"/>
        <source>Installer un pack…</source>
        <translation>Install a pack…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="136"/>
        <source>Le pack de référence signé envoyé par votre coordination (.relais-pack)</source>
        <translation>The signed reference pack sent by your coordination (.relais-pack)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="151"/>
        <source>Annuaire de démonstration : structures et quartiers fictifs. Il sera remplacé par le pack de votre coordination.</source>
        <translation>Demonstration directory: fictional organisations and neighbourhoods. It will be replaced by your coordination&apos;s pack.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="167"/>
        <source>Voir tout l&apos;annuaire</source>
        <translation>See the whole directory</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="175"/>
        <source>Rechercher un service ou une structure (ex. : permis, logement, CV)…</source>
        <translation>Search for a service or an organisation (e.g. driving licence, housing, CV)…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="178"/>
        <source>Rechercher dans l&apos;annuaire</source>
        <translation>Search the directory</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="185"/>
        <source>Besoin</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="186"/>
        <source>Public</source>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="87"/>
        <location filename="../../fieldapp/ui/directory/view.py" line="187"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="188"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="189"/>
        <source>Effacer les filtres</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="209"/>
        <source>Services trouvés</source>
        <translation>Services found</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="215"/>
        <source>Aucun service ne correspond.
Essayez un autre mot, ou retirez un filtre.</source>
        <translation>No service matches.
Try another word, or remove a filter.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="234"/>
        <source>Créer un relais vers ce service</source>
        <translation>Create a handover to this service</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="280"/>
        <source>Démonstration — données fictives</source>
        <translation>Demonstration — fictional data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="284"/>
        <source>Pack n° {version} du {day}{where}</source>
        <translation>Pack no. {version} of {day}{where}</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="289"/>
        <source>Tous les besoins</source>
        <translation>All needs</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="290"/>
        <source>Tous les publics</source>
        <translation>All target groups</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="291"/>
        <source>Tous les types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/view.py" line="294"/>
        <source>Toutes les communes</source>
        <translation>All communes</translation>
    </message>
    <message>
        <source>%n service</source>
        <translation>%n service</translation>
    </message>
    <message>
        <source>%n services</source>
        <translation>%n services</translation>
    </message>
    <message>
        <source>%n service sur %1</source>
        <translation>%n service of %1</translation>
    </message>
    <message>
        <source>%n services sur %1</source>
        <translation>%n services of %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="75"/>
        <source>Comment le mobiliser</source>
        <translation>How to refer someone</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="76"/>
        <source>Pour qui, pour quoi</source>
        <translation>Who and what it is for</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="77"/>
        <source>Démarche</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="78"/>
        <source>Par</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="79"/>
        <source>Précisions</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="80"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="81"/>
        <source>Courriel</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="82"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="83"/>
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="84"/>
        <source>Lien</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="85"/>
        <source>Publics</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="86"/>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="88"/>
        <source>Thématiques</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="89"/>
        <source>Zone</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="90"/>
        <source>Frais</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="91"/>
        <source>Mis à jour</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="92"/>
        <source>professionnels</source>
        <translation>professionals</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="93"/>
        <source>la personne elle-même</source>
        <translation>the person themselves</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="94"/>
        <source>Gratuit</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/card.py" line="95"/>
        <source>Payant</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Imprimer le guide</source>
        <translation>Print the guide</translation>
    </message>
    <message>
        <source>Le guide des offres en PDF, par quartier, à remettre aux habitants</source>
        <translation>The guide of the offers as a PDF, by neighbourhood, to hand to residents</translation>
    </message>
    <message>
        <source>Signaler une information à corriger</source>
        <translation>Report something to correct</translation>
    </message>
    <message>
        <source>Une fiche fausse ou périmée : prévenez la coordination</source>
        <translation>A wrong or outdated sheet: tell the coordination</translation>
    </message>
    <message>
        <source>⚠ Sans solution dans l&apos;annuaire pour ce quartier et ce public : %1</source>
        <translation>⚠ No solution in the directory for this neighbourhood and this person: %1</translation>
    </message>
    <message>
        <source>Noter « sans solution »</source>
        <translation>Note “no solution”</translation>
    </message>
    <message>
        <source>Ces besoins sont comptés dans le rapport de la coordination, par quartier</source>
        <translation>These needs are counted in the coordination’s report, by neighbourhood</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/employer_sheet.py" line="17"/>
        <source>Employeur</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/employer_sheet.py" line="17"/>
        <source>Métiers</source>
        <translation>Trades</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/employer_sheet.py" line="17"/>
        <source>Accepte les immersions (PMSMP)</source>
        <translation>Takes work placements (PMSMP)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/employer_sheet.py" line="17"/>
        <source>oui</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/employer_sheet.py" line="17"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/employer_sheet.py" line="17"/>
        <source>Places ce mois-ci</source>
        <translation>Places this month</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/directory/employer_sheet.py" line="17"/>
        <source>%1 sur %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Carte des manques</source>
        <translation>Unmet-needs map</translation>
    </message>
    <message>
        <source>Les besoins restés sans solution par quartier, comptés par la coordination</source>
        <translation>The needs left without a solution in each neighbourhood, as counted by the coordination</translation>
    </message>
    <message>
        <source>Manque connu dans ce quartier (12 mois) : %1</source>
        <translation>Known gap in this neighbourhood (12 months): %1</translation>
    </message>
    <message>
        <source>moins de %1</source>
        <translation>fewer than %1</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <location filename="../../fieldapp/ui/coordination/enrol_dialog.py" line="21"/>
        <location filename="../../fieldapp/ui/coordination/enrol_dialog.py" line="25"/>
        <source>Enrôler un appareil</source>
        <translation>Enrol a device</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/enrol_dialog.py" line="28"/>
        <source>Structure :</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/enrol_dialog.py" line="31"/>
        <source>Appareil :</source>
        <translation>Device:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/enrol_dialog.py" line="36"/>
        <source>Empreinte lue dans le fichier</source>
        <translation>Fingerprint read from the file</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/enrol_dialog.py" line="48"/>
        <source>Faites lire à voix haute l&apos;empreinte affichée par l&apos;appareil (Synchronisation → Coordination). L&apos;empreinte lue par l&apos;appareil est-elle identique ?</source>
        <translation>Have the fingerprint shown on the device (Synchronisation → Coordination) read aloud. Is the fingerprint read from the device identical?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/enrol_dialog.py" line="56"/>
        <source>Non, ne pas enrôler</source>
        <translation>No, do not enrol</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/enrol_dialog.py" line="56"/>
        <source>Oui, identique : enrôler</source>
        <translation>Yes, identical: enrol</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/erase_dialog.py" line="26"/>
        <location filename="../../fieldapp/ui/notebook/erase_dialog.py" line="30"/>
        <source>Effacer une personne</source>
        <translation>Erase a person</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/erase_dialog.py" line="34"/>
        <source>À la demande de la personne (droit d&apos;opposition ou d&apos;effacement) : toutes les rencontres notées sous son pseudonyme, et leurs relais, sont effacées de ce carnet, puis de la base de la coordination quand elle fusionnera votre prochain envoi. C&apos;est définitif.</source>
        <translation>At the person&apos;s request (right to object or to erasure): every encounter recorded under their pseudonym, and its handovers, are erased from this notebook, then from the coordination&apos;s database when it merges your next delivery. This is final.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/erase_dialog.py" line="45"/>
        <source>&amp;Pseudonyme</source>
        <translation>&amp;Pseudonym</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/erase_dialog.py" line="51"/>
        <source>La personne a demandé l&apos;effacement</source>
        <translation>The person asked for erasure</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/erase_dialog.py" line="54"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/erase_dialog.py" line="54"/>
        <source>Effacer définitivement</source>
        <translation>Erase permanently</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/erase_dialog.py" line="66"/>
        <source>Saisissez le code à 8 caractères (XXXX-XXXX).</source>
        <translation>Enter the 8-character code (XXXX-XXXX).</translation>
    </message>
    <message>
        <source>%n contact</source>
        <translation>%n contact</translation>
    </message>
    <message>
        <source>%n contacts</source>
        <translation>%n contacts</translation>
    </message>
    <message>
        <source>%n relais</source>
        <comment>singulier</comment>
        <translation>%n handover</translation>
    </message>
    <message>
        <source>%n relais</source>
        <comment>pluriel</comment>
        <translation>%n handovers</translation>
    </message>
    <message>
        <source>Dans ce carnet : %1 et %2 à effacer.</source>
        <translation>In this notebook: %1 and %2 to erase.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="14"/>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="15"/>
        <source>créneau</source>
        <translation>time slot</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="16"/>
        <source>quartier</source>
        <translation>neighbourhood</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="17"/>
        <source>commune</source>
        <translation>commune</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="18"/>
        <source>lieu</source>
        <translation>place</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="19"/>
        <source>type de contact</source>
        <translation>contact type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="20"/>
        <source>tranche d&apos;âge</source>
        <translation>age band</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="21"/>
        <source>genre</source>
        <translation>gender</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="22"/>
        <source>situation</source>
        <translation>situation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="23"/>
        <source>inscriptions</source>
        <translation>registrations</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="24"/>
        <source>besoins</source>
        <translation>needs</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="25"/>
        <source>suite donnée</source>
        <translation>outcome</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="26"/>
        <source>pseudonyme</source>
        <translation>pseudonym</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="27"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="28"/>
        <source>partenaire</source>
        <translation>partner</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="29"/>
        <source>modalité</source>
        <translation>mode</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="30"/>
        <source>accord de la personne</source>
        <translation>person&apos;s consent</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="31"/>
        <source>date de suivi</source>
        <translation>follow-up date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="32"/>
        <source>motif</source>
        <translation>reason</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="62"/>
        <source>Toutes les dates</source>
        <translation>All dates</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="63"/>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="64"/>
        <source>7 derniers jours</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="65"/>
        <source>30 derniers jours</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="66"/>
        <source>Ce mois-ci</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="67"/>
        <source>12 derniers mois</source>
        <translation>Last 12 months</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="68"/>
        <source>Période choisie…</source>
        <translation>Custom period…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="72"/>
        <source>Période</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="76"/>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="76"/>
        <source>Au</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="82"/>
        <source>Quartier</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="84"/>
        <source>Besoin</source>
        <translation>Need</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="85"/>
        <source>Tous les besoins</source>
        <translation>All needs</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="89"/>
        <source>Suite donnée</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="90"/>
        <source>Toutes les suites</source>
        <translation>All outcomes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="94"/>
        <source>Chercher dans les notes…</source>
        <translation>Search the notes…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="95"/>
        <source>Texte cherché dans les notes</source>
        <translation>Text searched in the notes</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="98"/>
        <source>Annulés</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="99"/>
        <source>Afficher aussi les contacts annulés</source>
        <translation>Also show voided contacts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="100"/>
        <source>Effacer les filtres</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="138"/>
        <source>Tous les quartiers</source>
        <translation>All neighbourhoods</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contacts_page.py" line="141"/>
        <source>Hors QPV</source>
        <translation>Outside QPV</translation>
    </message>
</context>
<context>
    <name>FirstRunPages</name>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="44"/>
        <source>Bienvenue dans Relais</source>
        <translation>Welcome to Relais</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="48"/>
        <source>Relais est votre carnet de terrain : il note les rencontres et les relais accompagnés, sans aucun nom, dans un stockage chiffré sur cet ordinateur. Il fonctionne sans connexion.</source>
        <translation>Relais is your field notebook: it records encounters and warm handovers, without any name, in encrypted storage on this computer. It works offline.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="56"/>
        <source>Créer mon profil</source>
        <translation>Create my profile</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="58"/>
        <source>Découvrir avec des données de démonstration</source>
        <translation>Explore with demonstration data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="65"/>
        <source>La démonstration s&apos;ouvre dans un dossier à part, avec des données fictives : votre vrai profil reste à créer.</source>
        <translation>The demonstration opens in a separate folder, with fictional data: your real profile is still to be created.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="77"/>
        <source>&amp;Langue / Language</source>
        <translation>&amp;Langue / Language</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="87"/>
        <source>Votre structure</source>
        <translation>Your organisation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="91"/>
        <source>Son nom et son type accompagnent vos données quand elles partent vers la coordination ; aucune donnée sur vous n&apos;est demandée.</source>
        <translation>Its name and type go with your data when they are sent to the coordination; nothing about you is asked.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="100"/>
        <source>par exemple : Club de prévention du Val</source>
        <translation>for example: Club de prévention du Val</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="102"/>
        <source>— choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="107"/>
        <source>&amp;Nom</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="108"/>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="118"/>
        <source>Votre phrase de passe</source>
        <translation>Your passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="122"/>
        <source>Elle ouvre le carnet chiffré à chaque démarrage. Personne ne peut la retrouver pour vous : l&apos;étape suivante vous donne une clé de secours.</source>
        <translation>It opens the encrypted notebook at every start. Nobody can recover it for you: the next step gives you a recovery key.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="139"/>
        <source>Votre clé de secours</source>
        <translation>Your recovery key</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="143"/>
        <source>Notez-la maintenant, à la main ou sur papier imprimé : Relais ne l&apos;affichera plus jamais. Sans elle, une phrase de passe oubliée rend le carnet illisible, pour toujours.</source>
        <translation>Write it down now, by hand or on a printed sheet: Relais will never show it again. Without it, a forgotten passphrase makes the notebook unreadable, forever.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="158"/>
        <source>Clé de secours</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="162"/>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="163"/>
        <source>Enregistrer en PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="177"/>
        <source>Vérification</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="215"/>
        <source>Votre carnet est prêt</source>
        <translation>Your notebook is ready</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="220"/>
        <source>Raccourcis utiles : Ctrl+N pour un nouveau contact, depuis n&apos;importe quel écran ; Ctrl+L pour verrouiller. Le carnet se verrouille aussi seul après quelques minutes sans activité.</source>
        <translation>Useful shortcuts: Ctrl+N for a new contact, from any screen; Ctrl+L to lock. The notebook also locks by itself after a few minutes without activity.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="230"/>
        <source>Invitation de coordination (facultatif) : quand votre coordination vous en envoie une, ouvrez-la dans la page Synchronisation avec son code. Vous pouvez travailler sans.</source>
        <translation>Coordination invitation (optional): when your coordination sends you one, open it on the Synchronisation page with its code. You can work without it.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="244"/>
        <source>Préparation de la démonstration</source>
        <translation>Preparing the demonstration</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run_pages.py" line="248"/>
        <source>Relais crée un carnet de démonstration avec des rencontres et des relais fictifs, sur douze mois et plusieurs quartiers imaginaires.</source>
        <translation>Relais is creating a demonstration notebook with fictional encounters and handovers, over twelve months and several imaginary neighbourhoods.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="121"/>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="177"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="122"/>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="176"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="170"/>
        <source>Étape %1 sur 5</source>
        <translation>Step %1 of 5</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="173"/>
        <source>Ouvrir mon carnet</source>
        <translation>Open my notebook</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="174"/>
        <source>Créer le profil chiffré</source>
        <translation>Create the encrypted profile</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="177"/>
        <source>Revoir la clé</source>
        <translation>See the key again</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="267"/>
        <source>Création du carnet chiffré… (quelques secondes)</source>
        <translation>Creating the encrypted notebook… (a few seconds)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="305"/>
        <source>Feuille envoyée à l&apos;imprimante.</source>
        <translation>Sheet sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="310"/>
        <source>Enregistrer la clé de secours</source>
        <translation>Save the recovery key</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="312"/>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="318"/>
        <source>PDF enregistré : %1. Imprimez-le, puis rangez-le hors de l&apos;ordinateur.</source>
        <translation>PDF saved: %1. Print it, then keep it away from the computer.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="326"/>
        <source>Pour vérifier que la clé est bien notée, tapez ses caractères n° %1 et %2 (sans compter les tirets).</source>
        <translation>To check that the key is written down correctly, type its characters no. %1 and %2 (not counting the dashes).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="335"/>
        <source>n° %1</source>
        <translation>no. %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/first_run.py" line="336"/>
        <source>Caractère n° %1</source>
        <translation>Character no. %1</translation>
    </message>
</context>
<context>
    <name>HandoverDetail</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="146"/>
        <source>Relais</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="148"/>
        <source>Sélectionnez un relais pour voir son suivi.</source>
        <translation>Select a handover to see its follow-up.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="166"/>
        <source>Suivi en retard de %1 jours : où en est ce relais ?</source>
        <translation>Follow-up %1 days late: where does this handover stand?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="173"/>
        <source>État :</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="174"/>
        <source>Modalité :</source>
        <translation>Mode:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="176"/>
        <source>Accord :</source>
        <translation>Consent:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="177"/>
        <source>oui, recueilli</source>
        <translation>yes, given</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="177"/>
        <source>non</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="179"/>
        <source>Suivi le :</source>
        <translation>Follow-up on:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="188"/>
        <source>Contact :</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="191"/>
        <source>Historique</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="203"/>
        <source>Changer l&apos;état</source>
        <translation>Change the status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="214"/>
        <source>obligatoire pour un refus du partenaire</source>
        <translation>required when the partner declines</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="215"/>
        <source>&amp;Motif</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="221"/>
        <source>Relais clos : son état ne change plus.</source>
        <translation>Closed handover: its status no longer changes.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="239"/>
        <source>Indiquez le motif du refus.</source>
        <translation>Give the reason for declining.</translation>
    </message>
    <message>
        <source>Rendez-vous :</source>
        <translation>Appointment:</translation>
    </message>
    <message>
        <source>Code relais</source>
        <translation>Relay code</translation>
    </message>
    <message>
        <source>Code relais :</source>
        <translation>Relay code:</translation>
    </message>
    <message>
        <source>Structure :</source>
        <translation>Receiving structure:</translation>
    </message>
    <message>
        <source>&amp;Imprimer la fiche…</source>
        <translation>&amp;Print the slip…</translation>
    </message>
    <message>
        <source>Fiche relais en PDF pour la personne : où aller, quand, quoi apporter, et le code relais. Rien sur la personne.</source>
        <translation>Relay slip as a PDF for the person: where to go, when, what to bring, and the relay code. Nothing about the person.</translation>
    </message>
    <message>
        <source>Enregistrer la fiche relais</source>
        <translation>Save the relay slip</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Fiche relais enregistrée : %1</source>
        <translation>Relay slip saved: %1</translation>
    </message>
    <message>
        <source>Annuler « %1 »</source>
        <translation>Undo “%1”</translation>
    </message>
    <message>
        <source>Remet le relais dans l&apos;état d&apos;avant ; l&apos;annulation reste dans l&apos;historique.</source>
        <translation>Puts the handover back in its previous state; the undo stays in the history.</translation>
    </message>
    <message>
        <source>Suivi et rendez-vous</source>
        <translation>Follow-up and appointment</translation>
    </message>
    <message>
        <source>aucune</source>
        <translation>none</translation>
    </message>
    <message>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Date de &amp;suivi</source>
        <translation>&amp;Follow-up date</translation>
    </message>
    <message>
        <source>Ren&amp;dez-vous</source>
        <translation>Appoint&amp;ment</translation>
    </message>
    <message>
        <source>Enregistrer les dates</source>
        <translation>Save the dates</translation>
    </message>
    <message>
        <source>Aucune date n&apos;a changé.</source>
        <translation>No date has changed.</translation>
    </message>
    <message>
        <source>Dates du relais enregistrées.</source>
        <translation>Handover dates saved.</translation>
    </message>
    <message>
        <source>Changement d&apos;état annulé.</source>
        <translation>Status change undone.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>État changé : « %1 ».</source>
        <translation>Status changed: “%1”.</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="60"/>
        <source>Proposer un relais</source>
        <translation>Propose a handover</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="63"/>
        <source>Proposer un relais accompagné</source>
        <translation>Propose a warm handover</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="64"/>
        <source>Contact du %1 · %2 · %3</source>
        <translation>Contact of %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="74"/>
        <source>structure et service, ex. Mission locale — accueil jeunes</source>
        <translation>organisation and service, e.g. Mission locale — youth desk</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="82"/>
        <source>— choisir —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="86"/>
        <source>La personne est d&apos;accord pour ce relais</source>
        <translation>The person agrees to this handover</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="92"/>
        <source>Pas de date de suivi</source>
        <translation>No follow-up date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="94"/>
        <source>Choisir dans l&apos;annuaire…</source>
        <translation>Choose from the directory…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="98"/>
        <source>&amp;Partenaire</source>
        <translation>&amp;Partner</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="100"/>
        <source>&amp;Modalité</source>
        <translation>&amp;Mode</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="102"/>
        <source>A&amp;ccord</source>
        <translation>C&amp;onsent</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="108"/>
        <source>&amp;Suivi le</source>
        <translation>&amp;Follow-up on</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="114"/>
        <source>Le relais n&apos;est possible qu&apos;avec l&apos;accord de la personne. La date de suivi vous le rappellera sur l&apos;écran Aujourd&apos;hui.</source>
        <translation>A handover needs the person&apos;s consent. The follow-up date will remind you on the Today screen.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="124"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="124"/>
        <source>Proposer le relais</source>
        <translation>Propose the handover</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handover_dialog.py" line="150"/>
        <source>Choisir le partenaire dans l&apos;annuaire</source>
        <translation>Choose the partner from the directory</translation>
    </message>
    <message>
        <source>✓ Noté « sans solution » : il partira avec le prochain envoi.</source>
        <translation>✓ Noted “no solution”: it will leave with the next sending.</translation>
    </message>
</context>
<context>
    <name>Handovers</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="72"/>
        <source>sans date de suivi</source>
        <translation>no follow-up date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="77"/>
        <source>%1 — en retard de %2 j</source>
        <translation>%1 — %2 days late</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="82"/>
        <source>%1 — aujourd&apos;hui</source>
        <translation>%1 — today</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="90"/>
        <source>en retard de %1 j</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="92"/>
        <source>aujourd&apos;hui</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="102"/>
        <source>Changement refusé : ce relais est clos (« %1 »), son état ne peut plus changer.</source>
        <translation>Change refused: this handover is closed (&quot;%1&quot;), its status can no longer change.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="107"/>
        <source>Changement refusé : « %1 » ne peut pas suivre « %2 ». États possibles : %3.</source>
        <translation>Change refused: &quot;%1&quot; cannot follow &quot;%2&quot;. Possible statuses: %3.</translation>
    </message>
    <message>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <source>%1 à %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <source>suivi le %1</source>
        <translation>follow-up on %1</translation>
    </message>
    <message>
        <source>date de suivi retirée</source>
        <translation>follow-up date removed</translation>
    </message>
    <message>
        <source>rendez-vous le %1</source>
        <translation>appointment on %1</translation>
    </message>
    <message>
        <source>rendez-vous retiré</source>
        <translation>appointment removed</translation>
    </message>
    <message>
        <source>Nouvelles dates : %1</source>
        <translation>New dates: %1</translation>
    </message>
    <message>
        <source>Changement annulé, retour à « %1 »</source>
        <translation>Change undone, back to “%1”</translation>
    </message>
    <message>
        <source>Relais modifié</source>
        <translation>Handover changed</translation>
    </message>
</context>
<context>
    <name>HandoversPage</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="276"/>
        <source>Relais accompagnés</source>
        <translation>Warm handovers</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="292"/>
        <source>Partenaire</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="292"/>
        <source>Modalité</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="292"/>
        <source>Suivi le</source>
        <translation>Follow-up on</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="292"/>
        <source>Retard</source>
        <translation>Delay</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="296"/>
        <source>Relais par état</source>
        <translation>Handovers by status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="314"/>
        <source>Aucun relais pour l&apos;instant</source>
        <translation>No handover yet</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="316"/>
        <source>Un relais se propose depuis la fiche d&apos;un contact (écran Contacts), avec l&apos;accord de la personne.</source>
        <translation>A handover is proposed from a contact&apos;s card (Contacts screen), with the person&apos;s consent.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="378"/>
        <source>%1 relais en cours, dont %2 en retard de suivi</source>
        <translation>%1 open handovers, %2 with a late follow-up</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/handovers.py" line="421"/>
        <source>Passer à</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>État changé : « %1 ».</source>
        <translation>Status changed: “%1”.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="87"/>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="90"/>
        <source>Importer un tableur</source>
        <translation>Import a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="98"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="99"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="100"/>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="101"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="121"/>
        <source>Enregistrez votre tableur au format CSV (dans Excel ou LibreOffice : « Enregistrer sous » › « CSV UTF-8 »), une ligne par contact. Les colonnes obligatoires sont Date, Créneau, Quartier, Lieu et Suite ; les cases peuvent contenir les libellés de Relais (« Pied d&apos;immeuble ») ou leurs codes (voir docs/records.md).</source>
        <translation>Save your spreadsheet as CSV (in Excel or LibreOffice: &quot;Save as&quot; › &quot;CSV UTF-8&quot;), one row per contact. The required columns are Date, Créneau, Quartier, Lieu and Suite; cells may hold the labels shown in Relais or their codes (see docs/records.md).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="131"/>
        <source>Choisir un fichier CSV…</source>
        <translation>Choose a CSV file…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="154"/>
        <source>Aperçu des premières lignes</source>
        <translation>Preview of the first rows</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="160"/>
        <source>Rien n&apos;est enregistré tant que vous n&apos;avez pas cliqué sur « Importer ». Les lignes valides sont enregistrées ensemble ; chaque ligne refusée sera listée avec la raison.</source>
        <translation>Nothing is saved until you click &quot;Import&quot;. Valid rows are saved together; every refused row will be listed with the reason.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="173"/>
        <source>Vérification et enregistrement des lignes…</source>
        <translation>Checking and saving the rows…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="190"/>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="270"/>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="190"/>
        <source>Problèmes</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="191"/>
        <source>Lignes refusées</source>
        <translation>Refused rows</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="213"/>
        <source>Choisir un tableur</source>
        <translation>Choose a spreadsheet</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="213"/>
        <source>Tableur CSV (*.csv)</source>
        <translation>CSV spreadsheet (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="234"/>
        <source>Colonnes ignorées (jamais importées) : %1. Pour importer une de ces informations, nommez sa colonne comme le champ du formulaire (par exemple « Type de contact »).</source>
        <translation>Ignored columns (never imported): %1. To import one of these, name its column like the form&apos;s field (for example &quot;Type de contact&quot;).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="250"/>
        <source>Aucune ligne de données dans ce fichier.</source>
        <translation>No data row in this file.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="256"/>
        <source>%1 lignes trouvées dans « %2 ».</source>
        <translation>%1 rows found in &quot;%2&quot;.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="260"/>
        <source>Colonnes reconnues : %1.</source>
        <translation>Recognised columns: %1.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="280"/>
        <source>Importer %1 lignes</source>
        <translation>Import %1 rows</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="312"/>
        <source>✓ %1 contacts importés.</source>
        <translation>✓ %1 contacts imported.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="319"/>
        <source>%1 lignes refusées, à corriger dans le tableur puis à importer seules :</source>
        <translation>%1 rows refused; fix them in the spreadsheet, then import them on their own:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/import_dialog.py" line="323"/>
        <source>Aucune ligne refusée.</source>
        <translation>No row refused.</translation>
    </message>
    <message>
        <source>Enregistrez votre tableur au format CSV (dans Excel ou LibreOffice : « Enregistrer sous » › « CSV UTF-8 »), une ligne par contact. Les colonnes obligatoires sont Date, Créneau, Quartier, Lieu et Suite donnée ; les cases contiennent les libellés du formulaire (« Pied d&apos;immeuble »). Le modèle a toutes les colonnes et une ligne d&apos;exemple.</source>
        <translation>Save your spreadsheet as CSV (in Excel or LibreOffice: “Save as” › “CSV UTF-8”), one row per contact. The required columns are Date, Créneau, Quartier, Lieu and Suite donnée; cells hold the form&apos;s labels (“Pied d&apos;immeuble”). The template has every column and one example row.</translation>
    </message>
    <message>
        <source>Télécharger un modèle…</source>
        <translation>Download a template…</translation>
    </message>
    <message>
        <source>Rien n&apos;est enregistré tant que vous n&apos;avez pas cliqué sur « Importer ». Seules les lignes cochées sont enregistrées, ensemble ; une ligne identique à un contact déjà enregistré le même jour est décochée (cochez-la s&apos;il s&apos;agit bien d&apos;un autre contact).</source>
        <translation>Nothing is saved until you click “Import”. Only the ticked rows are saved, together; a row identical to a contact already saved on the same day is unticked (tick it if it really is another contact).</translation>
    </message>
    <message>
        <source>Enregistrer le modèle</source>
        <translation>Save the template</translation>
    </message>
    <message>
        <source>modele-relais.csv</source>
        <translation>relais-template.csv</translation>
    </message>
    <message>
        <source>Modèle enregistré : %1. Remplissez-le puis choisissez-le ici.</source>
        <translation>Template saved: %1. Fill it in, then choose it here.</translation>
    </message>
    <message>
        <source>Ce fichier a déjà été importé le %1 (%n contact). L&apos;importer à nouveau doublerait ses contacts : Relais vous le demandera.</source>
        <translation>This file was already imported on %1 (%n contact). Importing it again would double its contacts: Relais will ask you first.</translation>
    </message>
    <message>
        <source>Ce fichier a déjà été importé le %1 (%n contacts). L&apos;importer à nouveau doublerait ses contacts : Relais vous le demandera.</source>
        <translation>This file was already imported on %1 (%n contacts). Importing it again would double its contacts: Relais will ask you first.</translation>
    </message>
    <message>
        <source>Identique à un contact déjà enregistré ce jour-là</source>
        <translation>Identical to a contact already saved that day</translation>
    </message>
    <message>
        <source>Valide</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>%n ligne trouvée dans « %1 »</source>
        <translation>%n row found in “%1”</translation>
    </message>
    <message>
        <source>%n lignes trouvées dans « %1 »</source>
        <translation>%n rows found in “%1”</translation>
    </message>
    <message>
        <source>%n sera importée</source>
        <translation>%n will be imported</translation>
    </message>
    <message>
        <source>%n seront importées</source>
        <translation>%n will be imported</translation>
    </message>
    <message>
        <source>, %n refusée (voir « Problèmes »)</source>
        <translation>, %n refused (see “Problems”)</translation>
    </message>
    <message>
        <source>, %n refusées (voir « Problèmes »)</source>
        <translation>, %n refused (see “Problems”)</translation>
    </message>
    <message>
        <source>, %n identique à un contact du même jour, décochée</source>
        <translation>, %n identical to a contact of the same day, unticked</translation>
    </message>
    <message>
        <source>, %n identiques à un contact du même jour, décochées</source>
        <translation>, %n identical to a contact of the same day, unticked</translation>
    </message>
    <message>
        <source>Importer %n ligne</source>
        <translation>Import %n row</translation>
    </message>
    <message>
        <source>Importer %n lignes</source>
        <translation>Import %n rows</translation>
    </message>
    <message>
        <source>Importer à nouveau ?</source>
        <translation>Import again?</translation>
    </message>
    <message>
        <source>Importer à nouveau</source>
        <translation>Import again</translation>
    </message>
    <message>
        <source>Ne pas importer</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <source>✓ %n contact importé.</source>
        <translation>✓ %n contact imported.</translation>
    </message>
    <message>
        <source>✓ %n contacts importés.</source>
        <translation>✓ %n contacts imported.</translation>
    </message>
    <message>
        <source>%n ligne valide non cochée, non importée.</source>
        <translation>%n valid row unticked, not imported.</translation>
    </message>
    <message>
        <source>%n lignes valides non cochées, non importées.</source>
        <translation>%n valid rows unticked, not imported.</translation>
    </message>
    <message>
        <source>%n ligne refusée, à corriger dans le tableur puis à importer seule :</source>
        <translation>%n row refused, to correct in the spreadsheet and import on its own:</translation>
    </message>
    <message>
        <source>%n lignes refusées, à corriger dans le tableur puis à importer seules :</source>
        <translation>%n rows refused, to correct in the spreadsheet and import on their own:</translation>
    </message>
    <message>
        <source>%1 : %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="68"/>
        <source>Contact enregistré</source>
        <translation>Contact recorded</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="75"/>
        <source>Modifié</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="78"/>
        <source>Annulé : %1</source>
        <translation>Voided: %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="82"/>
        <source>Relais proposé</source>
        <translation>Handover proposed</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/labels.py" line="88"/>
        <source>Relais modifié</source>
        <translation>Handover edited</translation>
    </message>
</context>
<context>
    <name>OpenWorkspaceDialog</name>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="50"/>
        <location filename="../../fieldapp/ui/coordination/window.py" line="54"/>
        <source>Ouvrir un espace de coordination</source>
        <translation>Open a coordination workspace</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="68"/>
        <source>Dossier de l&apos;espace</source>
        <translation>Workspace folder</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="72"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="75"/>
        <source>&amp;Dossier</source>
        <translation>&amp;Folder</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="78"/>
        <source>&amp;Phrase de passe</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="81"/>
        <source>&amp;Ouvrir</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="92"/>
        <source>Espace de coordination</source>
        <translation>Coordination workspace</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/window.py" line="138"/>
        <source>Phrase de passe incorrecte pour cet espace. C&apos;est celle de la coordination, pas celle de votre carnet (sauf dans la démonstration).</source>
        <translation>Wrong passphrase for this workspace. It is the coordination&apos;s passphrase, not your notebook&apos;s (except in the demonstration).</translation>
    </message>
    <message>
        <source>L&apos;espace de coordination est le dossier créé lors de la mise en place de la coordination (ou par la démonstration). Il contient les clés de la coordination, chiffrées par sa phrase de passe.</source>
        <translation>The coordination workspace is the folder created when the coordination was set up (or by the demonstration). It holds the coordination&apos;s keys, encrypted with its passphrase.</translation>
    </message>
    <message>
        <source>Ce dossier n&apos;est pas un espace de coordination Relais : choisissez le dossier créé lors de la mise en place de la coordination.</source>
        <translation>This folder is not a Relais coordination workspace: choose the folder created when the coordination was set up.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../fieldapp/ui/sync/model.py" line="27"/>
        <source>Lot</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/model.py" line="28"/>
        <source>Événements</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/model.py" line="29"/>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/model.py" line="30"/>
        <source>Dernier essai</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/model.py" line="31"/>
        <source>Raison</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/model.py" line="46"/>
        <source>%1
créé le %2</source>
        <translation>%1
created on %2</translation>
    </message>
    <message>
        <source>%n tentative</source>
        <translation>%n attempt</translation>
    </message>
    <message>
        <source>%n tentatives</source>
        <translation>%n attempts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/model.py" line="68"/>
        <source>n° %1</source>
        <translation>no. %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/model.py" line="80"/>
        <source>Nouvel essai vers %1.</source>
        <translation>Next attempt around %1.</translation>
    </message>
</context>
<context>
    <name>OutingForm</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="233"/>
        <source>Présence dans le quartier</source>
        <translation>Presence in the neighbourhood</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="241"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="246"/>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="247"/>
        <source>C&amp;réneau</source>
        <translation>Time &amp;slot</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="248"/>
        <source>&amp;Quartier</source>
        <translation>&amp;Neighbourhood</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="249"/>
        <source>D&amp;urée</source>
        <translation>D&amp;uration</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="250"/>
        <source>Personnes &amp;vues
(non abordées)</source>
        <translation>People &amp;seen
(not approached)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="251"/>
        <source>&amp;Ambiance</source>
        <translation>&amp;Atmosphere</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="252"/>
        <source>&amp;Médiations</source>
        <translation>&amp;Mediations</translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="80"/>
        <source>Afficher</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="84"/>
        <source>Robustesse de la phrase de passe</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="89"/>
        <source>Au moins %1 caractères. Le plus simple : quatre mots sans lien entre eux, par exemple « cerise tournevis nuage 47 ».</source>
        <translation>At least %1 characters. Simplest: four unrelated words, for example &quot;cherry screwdriver cloud 47&quot;.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="97"/>
        <source>&amp;Phrase de passe</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="103"/>
        <source>&amp;Confirmation</source>
        <translation>Con&amp;firm</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="133"/>
        <source>Trop courte</source>
        <translation>Too short</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="134"/>
        <source>Faible</source>
        <translation>Weak</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="135"/>
        <source>Correcte</source>
        <translation>Fair</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="136"/>
        <source>Solide</source>
        <translation>Strong</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="137"/>
        <source>Très solide</source>
        <translation>Very strong</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/passphrase.py" line="144"/>
        <source>Les deux saisies ne correspondent pas.</source>
        <translation>The two entries do not match.</translation>
    </message>
</context>
<context>
    <name>PresenceCard</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_list.py" line="25"/>
        <source>Tournées et actions récentes</source>
        <translation>Recent rounds and actions</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_list.py" line="38"/>
        <source>Aucune tournée ni action notée. Ctrl+T à la fin d&apos;une tournée, Ctrl+G pour une action collective.</source>
        <translation>No street round or action yet. Ctrl+T at the end of a round, Ctrl+G for a joint action.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_list.py" line="45"/>
        <source>Tournée · %1 · %2 · %3 · %4 min · %5 · %6</source>
        <translation>Round · %1 · %2 · %3 · %4 min · %5 · %6</translation>
    </message>
    <message>
        <source>%n personne vue</source>
        <translation>%n person seen</translation>
    </message>
    <message>
        <source>%n personnes vues</source>
        <translation>%n people seen</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_list.py" line="60"/>
        <source>Action · %1 · %2 · %3 · %4</source>
        <translation>Action · %1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>%n participant</source>
        <translation>%n participant</translation>
    </message>
    <message>
        <source>%n participants</source>
        <translation>%n participants</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_list.py" line="79"/>
        <source>Noter un contact</source>
        <translation>Record a contact</translation>
    </message>
</context>
<context>
    <name>PresenceSection</name>
    <message>
        <location filename="../../fieldapp/ui/coordination/presence_section.py" line="22"/>
        <source>Présence dans les quartiers et actions collectives</source>
        <translation>Presence in the neighbourhoods and joint actions</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/presence_section.py" line="27"/>
        <source>Aucune tournée ni action collective sur la période.</source>
        <translation>No street round or joint action over the period.</translation>
    </message>
</context>
<context>
    <name>PseudonymDialog</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="50"/>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="54"/>
        <source>Pseudonyme de la personne</source>
        <translation>Person&apos;s pseudonym</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="59"/>
        <source>Le pseudonyme se calcule avec la clé du territoire, que ce carnet reçoit en rejoignant une coordination (page Synchronisation : le fichier d&apos;invitation, son code, puis « Rejoindre »). Rejoignez d&apos;abord la coordination ; d&apos;ici là, enregistrez la rencontre sans pseudonyme.</source>
        <translation>The pseudonym is computed with the territory key, which this notebook receives when it joins a coordination (Synchronisation page: the invitation file, its code, then &quot;Join&quot;). Join the coordination first; until then, record the encounter without a pseudonym.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="67"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="77"/>
        <source>Demandez à la personne son accord. Relais ne garde que le code calculé : ni le nom, ni le prénom, ni l&apos;année ne sont enregistrés. La même personne reçoit le même code dans toutes les structures du territoire.</source>
        <translation>Ask for the person&apos;s consent. Relais keeps only the computed code: neither the family name, the given name nor the year is stored. The same person gets the same code in every organisation of the territory.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="86"/>
        <source>au moins les trois premières lettres</source>
        <translation>at least the first three letters</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="88"/>
        <source>au moins l&apos;initiale</source>
        <translation>at least the initial</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="102"/>
        <source>&amp;Nom de famille</source>
        <translation>&amp;Family name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="103"/>
        <source>&amp;Prénom</source>
        <translation>&amp;Given name</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="104"/>
        <source>&amp;Année de naissance</source>
        <translation>Birth &amp;year</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="105"/>
        <source>&amp;Genre</source>
        <translation>Gen&amp;der</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="119"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="119"/>
        <source>&amp;Utiliser ce pseudonyme</source>
        <translation>&amp;Use this pseudonym</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="135"/>
        <source>Remplissez les quatre champs pour obtenir le code.</source>
        <translation>Fill in the four fields to get the code.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="151"/>
        <source>Code à noter si la personne souhaite exercer ses droits.</source>
        <translation>Note this code if the person wishes to exercise their rights.</translation>
    </message>
</context>
<context>
    <name>PseudonymField</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="187"/>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="209"/>
        <source>Saisir…</source>
        <translation>Enter…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="190"/>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="206"/>
        <source>aucun (personne non identifiée)</source>
        <translation>none (person not identified)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/pseudonym_widget.py" line="209"/>
        <source>Changer…</source>
        <translation>Change…</translation>
    </message>
</context>
<context>
    <name>QuarantineModel</name>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="132"/>
        <source>Lot</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="137"/>
        <source>Appareil</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="139"/>
        <source>illisible</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="142"/>
        <source>Raison</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="143"/>
        <source>Reçu le</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="144"/>
        <source>Dernier essai</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/coordination/models.py" line="155"/>
        <source>n° %1</source>
        <translation>no. %1</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="245"/>
        <source>Phrase de passe oubliée</source>
        <translation>Forgotten passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="248"/>
        <source>Retrouver l&apos;accès avec la clé de secours</source>
        <translation>Get back in with the recovery key</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="252"/>
        <source>Tapez la clé de secours notée à la création du profil (les tirets et les majuscules sont facultatifs), puis choisissez une nouvelle phrase de passe.</source>
        <translation>Type the recovery key written down when the profile was created (dashes and capitals are optional), then choose a new passphrase.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="261"/>
        <source>&amp;Clé de secours</source>
        <translation>&amp;Recovery key</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="265"/>
        <source>&amp;Nouvelle phrase de passe</source>
        <translation>&amp;New passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="268"/>
        <source>Enregistrer la nouvelle phrase de passe</source>
        <translation>Save the new passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="298"/>
        <source>Clé de secours incorrecte : vérifiez chaque groupe de quatre caractères.</source>
        <translation>Wrong recovery key: check each group of four characters.</translation>
    </message>
</context>
<context>
    <name>RecoverySheet</name>
    <message>
        <location filename="../../fieldapp/ui/onboarding/recovery_sheet.py" line="18"/>
        <location filename="../../fieldapp/ui/onboarding/recovery_sheet.py" line="59"/>
        <source>Relais — clé de secours</source>
        <translation>Relais — recovery key</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/recovery_sheet.py" line="19"/>
        <source>Cette clé permet de choisir une nouvelle phrase de passe si vous oubliez la vôtre. Relais ne pourra plus jamais l&apos;afficher.</source>
        <translation>This key lets you choose a new passphrase if you forget yours. Relais can never show it again.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/recovery_sheet.py" line="24"/>
        <source>Rangez cette feuille sous clé, loin de l&apos;ordinateur. Ne la photographiez pas et ne l&apos;envoyez pas par courriel.</source>
        <translation>Keep this sheet locked away, far from the computer. Do not photograph it or send it by email.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/recovery_sheet.py" line="29"/>
        <source>Profil de la structure : %1 — créé le %2</source>
        <translation>Organisation&apos;s profile: %1 — created on %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/recovery_sheet.py" line="67"/>
        <source>Imprimer la clé de secours</source>
        <translation>Print the recovery key</translation>
    </message>
</context>
<context>
    <name>RelaisWindow</name>
    <message>
        <location filename="../../fieldapp/ui/app/window.py" line="87"/>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/window.py" line="89"/>
        <source>Ouvrir un espace de &amp;coordination…</source>
        <translation>Open a &amp;coordination workspace…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/window.py" line="96"/>
        <source>&amp;Verrouiller	Ctrl+L</source>
        <translation>&amp;Lock	Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/window.py" line="99"/>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/window.py" line="310"/>
        <source>Verrouillé après %1 min sans activité.</source>
        <translation>Locked after %1 min without activity.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/window.py" line="313"/>
        <source>Verrouillé avec la session de l&apos;ordinateur.</source>
        <translation>Locked with the computer&apos;s session.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="176"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="184"/>
        <source>Affichage</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="191"/>
        <source>&amp;Langue / Language</source>
        <translation>&amp;Langue / Language</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="194"/>
        <source>Le changement de langue s&apos;applique immédiatement.</source>
        <translation>A language change applies at once.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="198"/>
        <source>Sécurité</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="203"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="206"/>
        <source>&amp;Verrouillage après inactivité</source>
        <translation>&amp;Lock after inactivity</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="212"/>
        <source>Le carnet se verrouille aussi quand la session de l&apos;ordinateur est verrouillée, et à la demande avec Ctrl+L.</source>
        <translation>The notebook also locks when the computer&apos;s session locks, and on demand with Ctrl+L.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="219"/>
        <source>Verrouiller maintenant</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="220"/>
        <source>Changer la phrase de passe…</source>
        <translation>Change the passphrase…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="230"/>
        <source>Données</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="234"/>
        <source>Importer des contacts depuis un tableur enregistré en CSV (bailleurs, permanences) : un rapport indique chaque ligne refusée et pourquoi.</source>
        <translation>Import contacts from a spreadsheet saved as CSV (landlords, drop-in desks): a report shows every refused row and why.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="241"/>
        <source>Importer un tableur…</source>
        <translation>Import a spreadsheet…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="243"/>
        <source>Effacer une personne…</source>
        <translation>Erase a person…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="245"/>
        <source>Droit d&apos;effacement : toutes les rencontres d&apos;un pseudonyme</source>
        <translation>Right to erasure: all the encounters of a pseudonym</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="254"/>
        <source>Durée de conservation : %1 mois (fixée par la coordination). Les rencontres plus anciennes sont effacées, après un avis dans Aujourd&apos;hui.</source>
        <translation>Retention period: %1 months (set by the coordination). Older encounters are erased, after a notice in Today.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="262"/>
        <source>Coordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="266"/>
        <source>Le carnet rejoint sa coordination (invitation et code) et envoie ses lots chiffrés depuis la page Synchronisation.</source>
        <translation>The notebook joins its coordination (invitation and code) and sends its encrypted batches from the Synchronisation page.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="273"/>
        <source>Ouvrir la synchronisation</source>
        <translation>Open synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="280"/>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="286"/>
        <source>Structure :</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="287"/>
        <source>Type :</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="288"/>
        <source>Dossier :</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="289"/>
        <source>Version de Relais :</source>
        <translation>Relais version:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="297"/>
        <source>Journal d&apos;audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="301"/>
        <source>Ce que ce carnet a fait, et quand : ouvertures, imports, exports, effacements. Des nombres seulement, jamais le contenu des fiches.</source>
        <translation>What this notebook did, and when: openings, imports, exports, erasures. Numbers only, never the content of records.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="309"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="309"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="309"/>
        <source>Détail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/settings_page.py" line="351"/>
        <source>✓ Nouvelle phrase de passe enregistrée.</source>
        <translation>✓ New passphrase saved.</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="100"/>
        <source>Synchronisation : %1</source>
        <translation>Synchronisation: %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="115"/>
        <source>Dernier envoi (%1) : %2</source>
        <translation>Last send (%1): %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="121"/>
        <source>Nouvel essai automatique vers %1.</source>
        <translation>Automatic retry around %1.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="125"/>
        <source>Cliquez pour ouvrir la synchronisation.</source>
        <translation>Click to open Synchronisation.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../fieldapp/ui/kit/placeholders.py" line="16"/>
        <source>Synchronisation — à venir</source>
        <translation>Synchronisation — coming soon</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/kit/placeholders.py" line="18"/>
        <source>Bientôt, Relais scellera vos enregistrements en lots chiffrés et signés, et les déposera pour la coordination dès qu&apos;une connexion sera disponible. D&apos;ici là, tout ce que vous saisissez reste enregistré et chiffré sur cet ordinateur : rien ne sera perdu.</source>
        <translation>Soon, Relais will seal your records into encrypted, signed batches and drop them for the coordination whenever a connection is available. Until then, everything you enter stays saved and encrypted on this computer: nothing will be lost.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="37"/>
        <source>Non rattaché à une coordination</source>
        <translation>Not joined to a coordination</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="41"/>
        <source>1 lot en attente</source>
        <translation>1 batch waiting</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="42"/>
        <source>%1 lots en attente</source>
        <translation>%1 batches waiting</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="47"/>
        <source>1 modification à envoyer</source>
        <translation>1 change to send</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="48"/>
        <source>%1 modifications à envoyer</source>
        <translation>%1 changes to send</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="52"/>
        <source>Rien à envoyer</source>
        <translation>Nothing to send</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="55"/>
        <source>Synchronisé à l&apos;instant</source>
        <translation>Synchronised just now</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="57"/>
        <source>Synchronisé il y a %1 min</source>
        <translation>Synchronised %1 min ago</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="60"/>
        <source>Synchronisé il y a %1 h</source>
        <translation>Synchronised %1 h ago</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="64"/>
        <source>Synchronisé il y a 1 jour</source>
        <translation>Synchronised 1 day ago</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/badge.py" line="65"/>
        <source>Synchronisé il y a %1 jours</source>
        <translation>Synchronised %1 days ago</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="97"/>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="106"/>
        <source>Vos enregistrements partent en lots chiffrés et signés, que seule votre coordination peut ouvrir. Sans connexion, ils attendent ici : Relais réessaie de lui-même toutes les quelques minutes, et rien n&apos;est perdu.</source>
        <translation>Your records leave in encrypted, signed batches that only your coordination can open. Without a connection they wait here: Relais retries by itself every few minutes, and nothing is lost.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="171"/>
        <source>Choisir…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="122"/>
        <source>Coordination</source>
        <translation>Coordination</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="133"/>
        <source>Territoire :</source>
        <translation>Territory:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="135"/>
        <source>Clé de la coordination :</source>
        <translation>Coordination key:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="137"/>
        <source>Empreinte de cet appareil :</source>
        <translation>This device&apos;s fingerprint:</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="143"/>
        <source>Fichier d&apos;enrô&amp;lement…</source>
        <translation>Enro&amp;lment file…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="145"/>
        <source>À remettre au coordinateur, qui lira avec vous l&apos;empreinte de l&apos;appareil.</source>
        <translation>To give to the coordinator, who will read the device&apos;s fingerprint with you.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="162"/>
        <source>Ce carnet n&apos;est rattaché à aucune coordination. Ouvrez l&apos;invitation reçue de votre coordinateur, avec son code à usage unique.</source>
        <translation>This notebook is not linked to any coordination. Open the invitation received from your coordinator, with its one-time code.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="174"/>
        <source>In&amp;vitation</source>
        <translation>In&amp;vitation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="177"/>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="180"/>
        <source>&amp;Rejoindre</source>
        <translation>&amp;Join</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="202"/>
        <source>Boîte d&apos;envoi</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="204"/>
        <source>&amp;Synchroniser maintenant</source>
        <translation>&amp;Synchronise now</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="228"/>
        <source>Lots de la boîte d&apos;envoi</source>
        <translation>Outbox batches</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="236"/>
        <source>Aucun lot pour l&apos;instant. Vos enregistrements seront scellés en lots au prochain envoi.</source>
        <translation>No batch yet. Your records will be sealed into batches at the next send.</translation>
    </message>
    <message>
        <source>%n modification pas encore scellée : elle partira au prochain envoi.</source>
        <translation>%n change not sealed yet: it will leave with the next send.</translation>
    </message>
    <message>
        <source>%n modifications pas encore scellées : elles partiront au prochain envoi.</source>
        <translation>%n changes not sealed yet: they will leave with the next send.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="279"/>
        <source>Nouvel essai automatique vers %1.</source>
        <translation>Automatic retry around %1.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="296"/>
        <source>Rejoignez d&apos;abord une coordination (à droite).</source>
        <translation>Join a coordination first (on the right).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="307"/>
        <source>Invitation de la coordination</source>
        <translation>Coordination invitation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="309"/>
        <source>Invitations Relais (*.relais-invitation);;Tous les fichiers (*)</source>
        <translation>Relais invitations (*.relais-invitation);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="318"/>
        <source>Choisissez le fichier d&apos;invitation.</source>
        <translation>Choose the invitation file.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="358"/>
        <source>Fichier d&apos;enrôlement</source>
        <translation>Enrolment file</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="360"/>
        <source>Fichiers JSON (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="373"/>
        <source>Fichier enregistré : %1. Remettez-le au coordinateur et lisez-lui l&apos;empreinte %2 : il doit voir la même.</source>
        <translation>File saved: %1. Give it to the coordinator and read them the fingerprint %2: they must see the same one.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="394"/>
        <source>Préparation des lots…</source>
        <translation>Preparing the batches…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/view.py" line="450"/>
        <source>Vérification automatique…</source>
        <translation>Automatic check…</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>sans nouvelles depuis %1 j</source>
        <translation>no news for %1 d</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="60"/>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="65"/>
        <source>Nouveau contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="67"/>
        <source>Ctrl+N, depuis n&apos;importe quel écran</source>
        <translation>Ctrl+N, from any screen</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="76"/>
        <source>Contacts du jour</source>
        <translation>Today&apos;s contacts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="77"/>
        <source>Relais à suivre</source>
        <translation>Handovers to follow up</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="78"/>
        <source>En bref</source>
        <translation>At a glance</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="79"/>
        <source>Envoi à la coordination</source>
        <translation>Sending to the coordination</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="105"/>
        <source>Aucun contact noté aujourd&apos;hui. Ctrl+N pour en saisir un.</source>
        <translation>No contact recorded today. Ctrl+N to enter one.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="121"/>
        <source>et %1 autres — voir la liste</source>
        <translation>and %1 more — see the list</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="140"/>
        <source>Aucun suivi prévu aujourd&apos;hui ni en retard.</source>
        <translation>No follow-up due today or late.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="145"/>
        <source>%1 à suivre, dont %2 en retard.</source>
        <translation>%1 to follow up, %2 of them late.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="166"/>
        <source>Voir tous les relais</source>
        <translation>See all handovers</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="179"/>
        <source>Contacts ces 7 derniers jours</source>
        <translation>Contacts in the last 7 days</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="180"/>
        <source>Contacts ce mois-ci</source>
        <translation>Contacts this month</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="181"/>
        <source>Contacts dans le carnet</source>
        <translation>Contacts in the notebook</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="208"/>
        <source>Ouvrir la synchronisation</source>
        <translation>Open Synchronisation</translation>
    </message>
    <message>
        <source>Durée de conservation (%1 mois) : %n rencontre datée d&apos;avant le %2 sera effacée de ce carnet d&apos;ici %3 jours, avec ses relais.</source>
        <translation>Retention period (%1 months): %n encounter dated before %2 will be erased from this notebook within %3 days, with its handovers.</translation>
    </message>
    <message>
        <source>Durée de conservation (%1 mois) : %n rencontres datées d&apos;avant le %2 seront effacées de ce carnet d&apos;ici %3 jours, avec leurs relais.</source>
        <translation>Retention period (%1 months): %n encounters dated before %2 will be erased from this notebook within %3 days, with their handovers.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="234"/>
        <source>Ce carnet n&apos;est rattaché à aucune coordination : tout reste chiffré sur cet ordinateur. Pour envoyer vos lots, ouvrez une invitation dans Synchronisation.</source>
        <translation>This notebook is not linked to any coordination: everything stays encrypted on this computer. To send your batches, open an invitation in Synchronisation.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="239"/>
        <source>Le dernier envoi n&apos;a pas abouti ; Relais réessaie tout seul. Rien n&apos;est perdu : les lots restent chiffrés ici jusqu&apos;à leur dépôt.</source>
        <translation>The last send did not go through; Relais retries by itself. Nothing is lost: the batches stay encrypted here until they are dropped.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="244"/>
        <source>Les lots partiront à la prochaine connexion, sans rien faire de votre côté.</source>
        <translation>The batches will leave at the next connection, with nothing to do on your side.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="246"/>
        <source>Tout ce qui est noté ici a été déposé, chiffré, pour la coordination.</source>
        <translation>Everything recorded here has been dropped, encrypted, for the coordination.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="72"/>
        <source>Présence</source>
        <translation>Presence</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="73"/>
        <source>Ctrl+T : une tournée, à la fin de la tournée</source>
        <translation>Ctrl+T: a street round, at its end</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="74"/>
        <source>Action collective</source>
        <translation>Joint action</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/today_page.py" line="75"/>
        <source>Ctrl+G : forum, permanence, maraude commune…</source>
        <translation>Ctrl+G: job fair, shared drop-in, joint round…</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="83"/>
        <source>Carnet verrouillé</source>
        <translation>Notebook locked</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="89"/>
        <source>Tapez votre phrase de passe pour ouvrir le carnet.</source>
        <translation>Type your passphrase to open the notebook.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="94"/>
        <source>Afficher</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="96"/>
        <source>&amp;Phrase de passe</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="110"/>
        <source>Ouverture du carnet chiffré…</source>
        <translation>Opening the encrypted notebook…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="116"/>
        <source>Phrase de passe oubliée ?</source>
        <translation>Forgot your passphrase?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="117"/>
        <source>Déverrouiller</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="182"/>
        <source>Phrase de passe incorrecte. Vérifiez les majuscules et la disposition du clavier (AZERTY ou QWERTY).</source>
        <translation>Wrong passphrase. Check Caps Lock and the keyboard layout (AZERTY or QWERTY).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="95"/>
        <source>Démonstration : ce carnet ne contient que des données fictives.</source>
        <translation>Demonstration: this notebook holds fictional data only.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="95"/>
        <source>Carnet de : %1</source>
        <translation>Notebook of: %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="95"/>
        <source>Démonstration — %1</source>
        <translation>Demonstration — %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="207"/>
        <source>Nouvel essai possible dans %1 s.</source>
        <translation>You can try again in %1 s.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/onboarding/unlock.py" line="235"/>
        <source>Nouvelle phrase de passe enregistrée : déverrouillez avec elle.</source>
        <translation>New passphrase saved: unlock with it.</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="56"/>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="77"/>
        <source>Annuler ce contact</source>
        <translation>Void this contact</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="59"/>
        <source>Annuler ce contact ?</source>
        <translation>Void this contact?</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="63"/>
        <source>Le contact sort des listes et des indicateurs, mais reste dans l&apos;historique (rien n&apos;est effacé). Dites pourquoi, par exemple « saisi deux fois ».</source>
        <translation>The contact leaves the lists and the indicators but stays in the history (nothing is deleted). Say why, for example &quot;entered twice&quot;.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="72"/>
        <source>&amp;Motif</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/contact_detail.py" line="77"/>
        <source>Garder le contact</source>
        <translation>Keep the contact</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Relais reçus</source>
        <translation>Received handovers</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="108"/>
        <source>Verrouiller</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="109"/>
        <source>Verrouiller le carnet (Ctrl+L)</source>
        <translation>Lock the notebook (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="116"/>
        <source>Démonstration : toutes les données affichées sont fictives (quartiers, partenaires, rencontres). Votre vrai carnet se crée au premier lancement, avec « Créer mon profil ».</source>
        <translation>Demonstration: all the data shown are fictional (neighbourhoods, partners, encounters). Your real notebook is created at first start, with &quot;Create my profile&quot;.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="136"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="139"/>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="140"/>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="141"/>
        <source>Relais</source>
        <translation>Handovers</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="142"/>
        <source>Mon activité</source>
        <translation>My activity</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="143"/>
        <source>Annuaire</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="144"/>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="145"/>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="154"/>
        <source>Ctrl+N : nouveau contact
Ctrl+L : verrouiller</source>
        <translation>Ctrl+N: new contact
Ctrl+L: lock</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="332"/>
        <source>Choisir d&apos;abord le contact</source>
        <translation>Choose the contact first</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="334"/>
        <source>Un relais part d&apos;une rencontre : sélectionnez le contact dans l&apos;écran Contacts, puis revenez ici (ou utilisez « Proposer un relais… » sur sa fiche, puis « Choisir dans l&apos;annuaire… »).</source>
        <translation>A handover starts from an encounter: select the contact in the Contacts screen, then come back here (or use &quot;Propose a handover…&quot; on its card, then &quot;Choose from the directory…&quot;).</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="358"/>
        <source>Personne effacée</source>
        <translation>Person erased</translation>
    </message>
    <message>
        <source>Effacé de ce carnet : %1, %2. La coordination l&apos;effacera en fusionnant votre prochain envoi.</source>
        <translation>Erased from this notebook: %1, %2. The coordination will erase them when it merges your next delivery.</translation>
    </message>
    <message>
        <source>%n contact</source>
        <translation>%n contact</translation>
    </message>
    <message>
        <source>%n contacts</source>
        <translation>%n contacts</translation>
    </message>
    <message>
        <source>%n relais</source>
        <comment>singulier</comment>
        <translation>%n handover</translation>
    </message>
    <message>
        <source>%n relais</source>
        <comment>pluriel</comment>
        <translation>%n handovers</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="376"/>
        <source>Installer un pack de référence</source>
        <translation>Install a reference pack</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="378"/>
        <source>Pack Relais (*.relais-pack);;Tous les fichiers (*)</source>
        <translation>Relais pack (*.relais-pack);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="387"/>
        <location filename="../../fieldapp/ui/app/workspace.py" line="392"/>
        <source>Pack non installé : %1</source>
        <translation>Pack not installed: %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app/workspace.py" line="397"/>
        <source>✓ Pack n° %1 installé : l&apos;annuaire est à jour.</source>
        <translation>✓ Pack no. %1 installed: the directory is up to date.</translation>
    </message>
    <message>
        <source>✓ Signalement enregistré : il partira avec le prochain envoi.</source>
        <translation>✓ Report recorded: it will leave with the next sending.</translation>
    </message>
    <message>
        <source>✓ Guide enregistré : %1</source>
        <translation>✓ Guide saved: %1</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Signaler une information à corriger</source>
        <translation>Report something to correct</translation>
    </message>
    <message>
        <source>Votre signalement part avec le prochain envoi ; la coordination corrige la fiche dans un prochain pack. N&apos;y mettez aucune donnée sur une personne.</source>
        <translation>Your report leaves with the next sending; the coordination corrects the sheet in a later pack. Put no data about a person in it.</translation>
    </message>
    <message>
        <source>Ce qui est à corriger concerne :</source>
        <translation>What needs correcting is about:</translation>
    </message>
    <message>
        <source>le service « %1 »</source>
        <translation>the service “%1”</translation>
    </message>
    <message>
        <source>la structure « %1 »</source>
        <translation>the organisation “%1”</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Ex. : ouvert seulement le matin depuis septembre (facultatif)</source>
        <translation>E.g. open only in the morning since September (optional)</translation>
    </message>
    <message>
        <source>&amp;Commentaire (facultatif, court)</source>
        <translation>&amp;Comment (optional, short)</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Signaler</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Commentaire trop long : %1 caractères au plus.</source>
        <translation>Comment too long: %1 characters at most.</translation>
    </message>
</context>
<context>
    <name>FeedbackModel</name>
    <message>
        <source>Structure</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Fiche</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>corrigé par le pack</source>
        <translation>fixed by the pack</translation>
    </message>
    <message>
        <source>traité</source>
        <translation>handled</translation>
    </message>
    <message>
        <source>à traiter</source>
        <translation>to handle</translation>
    </message>
    <message>
        <source>(la structure)</source>
        <translation>(the organisation)</translation>
    </message>
</context>
<context>
    <name>FeedbackTab</name>
    <message>
        <source>Signalements sur l&apos;annuaire</source>
        <translation>Reports on the directory</translation>
    </message>
    <message>
        <source>Ce que les équipes de terrain ont signalé comme à corriger, par structure. Un signalement est traité quand vous le marquez, ou quand le dernier pack publié porte la fiche avec une date de mise à jour plus récente.</source>
        <translation>What the field teams reported as needing correction, by organisation. A report is handled when you mark it, or when the last published pack carries the sheet with a more recent update date.</translation>
    </message>
    <message>
        <source>Signalements</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Marquer comme traité</source>
        <translation>Mark as handled</translation>
    </message>
    <message>
        <source>%n signalement, dont %2 à traiter.</source>
        <translation>%n report, %2 of them to handle.</translation>
    </message>
    <message>
        <source>%n signalements, dont %2 à traiter.</source>
        <translation>%n reports, %2 of them to handle.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Imprimer le guide des offres</source>
        <translation>Print the guide of the offers</translation>
    </message>
    <message>
        <source>Guide des offres</source>
        <translation>Guide of the offers</translation>
    </message>
    <message>
        <source>Les services de l&apos;annuaire classés par besoin, avec leurs horaires, leur adresse et comment s&apos;y rendre : à remettre aux habitants ou au conseil citoyen. Il ne contient aucune donnée sur une personne.</source>
        <translation>The directory&apos;s services by need, with their opening hours, address and how to get there: to hand to residents or to the conseil citoyen. It holds no data about a person.</translation>
    </message>
    <message>
        <source>Tout le territoire</source>
        <translation>The whole territory</translation>
    </message>
    <message>
        <source>&amp;Quartier</source>
        <translation>&amp;Neighbourhood</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enregistrer le PDF…</source>
        <translation>Save the PDF…</translation>
    </message>
    <message>
        <source>Enregistrer le guide</source>
        <translation>Save the guide</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReceivedPage</name>
    <message>
        <source>Relais reçus</source>
        <translation>Received handovers</translation>
    </message>
    <message>
        <source>Tapez ou scannez le code relais de la fiche que la personne vous montre, puis Entrée. Aucun nom n&apos;est demandé : le code suffit.</source>
        <translation>Type or scan the relay code on the slip the person shows you, then press Enter. No name is asked for: the code is enough.</translation>
    </message>
    <message>
        <source>Seulement pour un refus de la structure</source>
        <translation>Only when the structure declines</translation>
    </message>
    <message>
        <source>&amp;Code relais :</source>
        <translation>Relay &amp;code:</translation>
    </message>
    <message>
        <source>É&amp;tat :</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Date :</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Motif du refus :</source>
        <translation>&amp;Reason for declining:</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Déjà enregistrés</source>
        <translation>Already recorded</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Relais reçus enregistrés</source>
        <translation>Received handovers recorded</translation>
    </message>
    <message>
        <source>✓ Enregistré : %1, %2.</source>
        <translation>✓ Recorded: %1, %2.</translation>
    </message>
</context>
<context>
    <name>_RecordForm</name>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="109"/>
        <source>Des nombres seulement : aucun nom ni signe distinctif. Ctrl+Entrée pour enregistrer.</source>
        <translation>Numbers only: no names, nothing that singles anyone out. Ctrl+Enter to save.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="134"/>
        <source>code QPV, ex. QN07601M</source>
        <translation>QPV code, e.g. QN07601M</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="141"/>
        <source>Facultatif. Pas de nom, de téléphone, d&apos;adresse ni de date de naissance.</source>
        <translation>Optional. No name, phone number, address or date of birth.</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="157"/>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="159"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="160"/>
        <source>Enregistrer et noter un &amp;contact</source>
        <translation>Save and record a &amp;contact</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="161"/>
        <source>Ctrl+Maj+Entrée</source>
        <translation>Ctrl+Shift+Enter</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="162"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notebook/presence_form.py" line="163"/>
        <source>Ctrl+Entrée</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>UnmetMapDialog</name>
    <message>
        <source>Carte des manques</source>
        <translation>Unmet-needs map</translation>
    </message>
    <message>
        <source>Besoins restés sans solution, par quartier</source>
        <translation>Needs left without a solution, by neighbourhood</translation>
    </message>
    <message>
        <source>Aucun besoin resté sans solution dans l'annuaire installé.</source>
        <translation>No need left without a solution in the installed directory.</translation>
    </message>
    <message>
        <source>Besoins restés sans solution, de %1 à %2. Moins de %3 : chiffre masqué (secret statistique).</source>
        <translation>Needs left without a solution, from %1 to %2. Fewer than %3: figure hidden (statistical confidentiality).</translation>
    </message>
    <message>
        <source>moins de %1</source>
        <translation>fewer than %1</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
</TS>
