; Inno Setup 6 script: per-user installer of the Relais bundle (docs/packaging.md § Windows).
;
; Build on Windows, after `pyinstaller packaging\relais.spec` has made dist\relais\:
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\relais.iss
; The version comes from pyproject.toml through /DAppVersion (packaging\windows\build.ps1 reads
; it); the installer is written to dist\Relais-<version>-setup.exe.
;
; - No administrator rights: installs in %LOCALAPPDATA%\Programs\Relais, shortcuts for this user.
; - The user's data is NOT in the installation folder: the profile lives where platformdirs puts it,
;   %LOCALAPPDATA%\Relais (fieldapp/storage/home.py), and the demonstration notebook beside it in
;   %LOCALAPPDATA%\Relais-demonstration. Uninstalling keeps both unless the user ticks the box
;   "Supprimer aussi mes données" (unticked by default; a silent uninstall never removes them).

#ifndef AppVersion
  #error Give the version: ISCC /DAppVersion=X.Y.Z relais.iss (see build.ps1)
#endif

#define AppName "Relais"
#define AppExe "Relais.exe"
#define DataDir "{localappdata}\Relais"
#define DemoDir "{localappdata}\Relais-demonstration"

[Setup]
; A fixed id: upgrades replace the same installation. Never change it.
AppId={{6F1C2E0B-3C57-4C8B-9D5E-2A7B0F4E9C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Relais
VersionInfoVersion={#AppVersion}
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=Relais-{#AppVersion}-setup
SetupIconFile=resources\icons\relais.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fr.DesktopIcon=Créer une icône sur le Bureau
en.DesktopIcon=Create a desktop shortcut
fr.RemoveDataTitle=Désinstaller Relais
en.RemoveDataTitle=Uninstall Relais
fr.RemoveDataText=L'application va être supprimée. Votre carnet (profil chiffré, lots en attente, sauvegardes) est conservé dans %1 : une nouvelle installation le retrouvera.
en.RemoveDataText=The application will be removed. Your notebook (encrypted profile, pending batches, backups) is kept in %1: a new installation will find it again.
fr.RemoveDataBox=Supprimer aussi mes données (irréversible : les contacts non synchronisés seront perdus)
en.RemoveDataBox=Also delete my data (cannot be undone: contacts not yet synchronised will be lost)
fr.RemoveDataConfirm=Supprimer définitivement %1 ? Les contacts non synchronisés seront perdus.
en.RemoveDataConfirm=Permanently delete %1? Contacts not yet synchronised will be lost.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; The whole one-folder bundle; the installation folder holds nothing the user writes.
Source: "dist\relais\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade must not keep modules of the previous version beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "Carnet de terrain chiffré"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer itself put in {app} (Python may leave caches there); never the data.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
var
  RemoveData: Boolean;

{ Ask before anything is removed: a small window whose box is unticked by default.
  Returns False when the user cancels (then nothing is uninstalled). }
function AskRemoveData(var Remove: Boolean): Boolean;
var
  Form: TSetupForm;
  Text: TNewStaticText;
  Box: TNewCheckBox;
  OkButton, CancelButton: TNewButton;
begin
  Remove := False;
  Form := CreateCustomForm(ScaleX(460), ScaleY(170), False, True);
  try
    Form.Caption := CustomMessage('RemoveDataTitle');

    Text := TNewStaticText.Create(Form);
    Text.Parent := Form;
    Text.AutoSize := False;
    Text.WordWrap := True;
    Text.Left := ScaleX(12);
    Text.Top := ScaleY(12);
    Text.Width := Form.ClientWidth - ScaleX(24);
    Text.Height := ScaleY(52);
    Text.Caption := FmtMessage(CustomMessage('RemoveDataText'), [ExpandConstant('{#DataDir}')]);

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(12);
    Box.Top := ScaleY(72);
    Box.Width := Form.ClientWidth - ScaleX(24);
    Box.Height := ScaleY(34);
    Box.Caption := CustomMessage('RemoveDataBox');
    Box.Checked := False;

    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Caption := SetupMessage(msgButtonOK);
    OkButton.Width := ScaleX(90);
    OkButton.Height := ScaleY(24);
    OkButton.Left := Form.ClientWidth - ScaleX(12 + 90 + 8 + 90);
    OkButton.Top := Form.ClientHeight - ScaleY(12 + 24);
    OkButton.ModalResult := mrOk;
    OkButton.Default := True;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Caption := SetupMessage(msgButtonCancel);
    CancelButton.Width := ScaleX(90);
    CancelButton.Height := ScaleY(24);
    CancelButton.Left := Form.ClientWidth - ScaleX(12 + 90);
    CancelButton.Top := Form.ClientHeight - ScaleY(12 + 24);
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;

    Form.ActiveControl := OkButton;
    Result := Form.ShowModal() = mrOk;
    if Result then
      Remove := Box.Checked;
  finally
    Form.Free();
  end;
end;

function InitializeUninstall(): Boolean;
begin
  Result := True;
  RemoveData := False;
  if UninstallSilent() then
    Exit;  { a silent uninstall (an upgrade script, IT tooling) always keeps the data }
  Result := AskRemoveData(RemoveData);
  if Result and RemoveData then
    RemoveData := MsgBox(FmtMessage(CustomMessage('RemoveDataConfirm'),
      [ExpandConstant('{#DataDir}')]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and RemoveData then
  begin
    DelTree(ExpandConstant('{#DataDir}'), True, True, True);
    DelTree(ExpandConstant('{#DemoDir}'), True, True, True);
  end;
end;
