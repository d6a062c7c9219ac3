# Windows build: the PyInstaller bundle, then the per-user installer (docs/packaging.md § Windows).
# Run from the repository root in PowerShell, with Python 3.11+ and Inno Setup 6 installed:
#     py -3.11 -m venv .venv; .venv\Scripts\pip install -e ".[package]"
#     powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

# The version is written once, in pyproject.toml.
$version = & .venv\Scripts\python.exe -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
if ($LASTEXITCODE -ne 0) { throw "version illisible dans pyproject.toml" }

& .venv\Scripts\pyinstaller.exe packaging\relais.spec --noconfirm --clean --distpath dist --workpath build\pyinstaller
if ($LASTEXITCODE -ne 0) { throw "PyInstaller a échoué" }

# The same checks as packaging/smoke.py on Linux: the console executable answers.
& dist\relais\fieldapp.exe --version
if ($LASTEXITCODE -ne 0) { throw "fieldapp --version a échoué" }
& dist\relais\fieldapp.exe selfcheck
if ($LASTEXITCODE -ne 0) { throw "fieldapp selfcheck a échoué" }

$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { $iscc = Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" packaging\windows\relais.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup a échoué" }
Write-Output "dist\Relais-$version-setup.exe"
