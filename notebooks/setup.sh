#!/usr/bin/env bash
# One step from a fresh clone to notebooks that run in Jupyter and VS Code with the .NET Interactive kernel:
#   1. restores the repository's local tools (.config/dotnet-tools.json: Microsoft.dotnet-interactive);
#   2. packs this build of the library into the repository-local feed artifacts/notebook-feed (ignored by git), which
#      the notebooks' first cell adds as a package source when it exists (nuget.org is used otherwise);
#   3. forgets any copy of the same package version NuGet cached before (it never refreshes a cached id and version),
#      so a kernel started after this step loads this build;
#   4. registers the kernel with Jupyter (`jupyter kernelspec list` then shows .net-csharp), when Jupyter is installed.
# Run it again after changing the library, then restart the notebook's kernel.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet tool restore
feed="$root/artifacts/notebook-feed"
mkdir -p "$feed"
packages=(Evidence.Analytics Evidence.Analytics.Excel Evidence.Analytics.DataFrames)
for package in "${packages[@]}"; do
  dotnet pack "src/$package" -c Release -o "$feed" -p:IncludeSymbols=false
done
version="$(dotnet msbuild src/Evidence.Analytics -getProperty:Version)"
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
for package in "${packages[@]}"; do
  rm -rf "$cache/${package,,}/$version"
done

if command -v jupyter >/dev/null; then
  dotnet interactive jupyter install
  jupyter kernelspec list
else
  echo "Jupyter is not installed: the package feed is ready for VS Code (Polyglot Notebooks); for Jupyter install it" \
       "(Debian: apt-get install jupyter-notebook jupyter-nbconvert) and run this script again." >&2
fi
echo "Evidence.Analytics $version is in $feed; open a notebook in notebooks/ and run all cells."
